/** The step dependency graph built from {@code when}, and its text, DOT, Mermaid and JSON views. */
package dev.wharf.task.graph;
