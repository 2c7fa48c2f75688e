package dev.wharf.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The rendering flags shared by run, render, validate, inspect and graph. */
final class RenderOptions {

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Task file; '-' reads standard input (default: acb.yaml).")
  String file;

  @Option(names = "--values", paramLabel = "FILE", description = "Values file (YAML).")
  String valuesFile;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Sets a value (repeatable; no comma splitting; values are strings).")
  List<String> set = new ArrayList<>();

  @Option(
      names = "--set-secret",
      paramLabel = "KEY=VALUE",
      description = "Like --set, and the value is masked in everything Wharf prints.")
  List<String> setSecret = new ArrayList<>();

  @Option(names = "--id", paramLabel = "ID", description = ".Run.ID and $ID.")
  String id;

  @Option(
      names = {"-r", "--registry"},
      paramLabel = "HOST",
      description = ".Run.Registry and $Registry (RegistryName is derived).")
  String registry;

  @Option(names = "--commit", paramLabel = "SHA", description = ".Run.Commit")
  String commit;

  @Option(names = "--branch", paramLabel = "NAME", description = ".Run.Branch")
  String branch;

  @Option(names = "--repository", paramLabel = "NAME", description = ".Run.Repository")
  String repository;

  @Option(names = "--git-tag", paramLabel = "TAG", description = ".Run.GitTag")
  String gitTag;

  @Option(names = "--triggered-by", paramLabel = "WHO", description = ".Run.TriggeredBy")
  String triggeredBy;

  @Option(names = "--os-version", paramLabel = "VERSION", description = ".Run.OSVersion")
  String osVersion;

  @Option(names = "--name", paramLabel = "NAME", description = ".Run.TaskName")
  String name;

  @Option(
      names = "--date",
      paramLabel = "yyyyMMdd-HHmmssz",
      description = "Pins .Run.Date (default: now, UTC).")
  String date;
}
