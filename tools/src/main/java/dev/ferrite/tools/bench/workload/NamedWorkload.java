package dev.ferrite.tools.bench.workload;

/** The id, title and unit every {@link Workload} carries, held once instead of in each one. */
abstract class NamedWorkload implements Workload {
  private final String id;
  private final String title;
  private final Unit unit;

  NamedWorkload(String id, String title, Unit unit) {
    this.id = id;
    this.title = title;
    this.unit = unit;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final Unit unit() {
    return unit;
  }
}
