package dev.ferrite.jdbc;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.CommonDataSource;

/**
 * Bean properties shared by Ferrite's data sources: the {@code url} ({@code jdbc:ferrite:...},
 * options allowed), and the options as separate properties for containers that configure data
 * sources by setters (durability, readOnly, create, busyTimeout); an option set both ways takes
 * the URL's value. {@code user} and {@code password} exist for pools that always set them and
 * are ignored.
 */
public abstract class AbstractFerriteDataSource implements CommonDataSource {
  private String url;
  private String durability;
  private Boolean readOnly;
  private Boolean create;
  private Long busyTimeout;
  private String user;
  private int loginTimeout;
  private transient PrintWriter logWriter;

  /** The JDBC URL, {@code jdbc:ferrite:<path>} or {@code jdbc:ferrite:mem:<name>} with options. */
  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  /** Alias of {@link #getUrl()}: some containers call the property "URL". */
  public String getURL() {
    return url;
  }

  public void setURL(String url) {
    this.url = url;
  }

  public String getDurability() {
    return durability;
  }

  /** auto, page, msync, dax, fence or none. */
  public void setDurability(String durability) {
    this.durability = durability;
  }

  public boolean isReadOnly() {
    return readOnly != null && readOnly;
  }

  public void setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
  }

  public boolean isCreate() {
    return create == null || create;
  }

  public void setCreate(boolean create) {
    this.create = create;
  }

  public long getBusyTimeout() {
    return busyTimeout == null ? 5000 : busyTimeout;
  }

  /** Milliseconds a writer waits for another writer. */
  public void setBusyTimeout(long busyTimeout) {
    this.busyTimeout = busyTimeout;
  }

  public String getUser() {
    return user;
  }

  /** Ignored: Ferrite has no users. */
  public void setUser(String user) {
    this.user = user;
  }

  /** Ignored: Ferrite has no users. */
  public void setPassword(String password) {
    // Deliberately not stored.
  }

  /** The options set through setters, as connection properties. */
  Properties properties() {
    Properties p = new Properties();
    if (durability != null) {
      p.setProperty("durability", durability);
    }
    if (readOnly != null) {
      p.setProperty("readonly", readOnly.toString());
    }
    if (create != null) {
      p.setProperty("create", create.toString());
    }
    if (busyTimeout != null) {
      p.setProperty("busy_timeout", busyTimeout.toString());
    }
    return p;
  }

  /** Opens a physical connection with these settings. */
  FerriteConnection openConnection() throws SQLException {
    if (url == null) {
      throw new SQLException("the data source has no url", "08001");
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, properties());
    return FerriteDriver.open(url, parsed.location(), parsed.databaseOptions());
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /** Stored only: opening an embedded database does not wait on a network. */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return Logger.getLogger("dev.ferrite.jdbc");
  }
}
