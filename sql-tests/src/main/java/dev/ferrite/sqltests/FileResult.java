package dev.ferrite.sqltests;

import java.util.List;

/** Results of one test file, with the time it took. */
record FileResult(String file, List<RecordResult> records, double seconds) {

  long queries() {
    return records.stream().filter(RecordResult::query).count();
  }

  long passedQueries() {
    return records.stream().filter(r -> r.query() && r.outcome() == Outcome.PASSED).count();
  }

  long failed(Outcome outcome) {
    return records.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** The directory part of the file's path ("test/index/between/10"). */
  String directory() {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "." : file.substring(0, slash);
  }
}
