/**
 * The task language: decoding rendered {@code acb.yaml} text into an immutable model, acb's
 * defaults and validation, and printing the result ({@link dev.wharf.task.TaskLoader} is the entry
 * point).
 */
package dev.wharf.task;
