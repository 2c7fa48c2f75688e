package dev.wharf.template.alias;

/** An alias block, source or directive acb would refuse, with acb's message text. */
public final class AliasException extends Exception {

  public AliasException(String message) {
    super(message);
  }

  public AliasException(String message, Throwable cause) {
    super(message, cause);
  }
}
