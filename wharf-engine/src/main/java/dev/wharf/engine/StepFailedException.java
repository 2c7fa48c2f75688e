package dev.wharf.engine;

/** One step's failure, as acb words it: {@code failed to run step ID: <id>: <error>}. */
public class StepFailedException extends Exception {
  private final String stepId;

  public StepFailedException(StepResult step) {
    super(message(step.stepId(), step.errorText().orElse(step.status().tableLabel())));
    this.stepId = step.stepId();
  }

  static String message(String stepId, String error) {
    return "failed to run step ID: " + stepId + ": " + error;
  }

  public String stepId() {
    return stepId;
  }
}
