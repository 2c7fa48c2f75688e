package dev.wharf.cli;

/** Bad input from the user (file, template, YAML, validation, flags): exit status 2. */
final class BadInputException extends Exception {

  BadInputException(String message) {
    super(message);
  }
}
