package dev.wharf.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.wharf.engine.TempFiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.attribute.FileAttribute;

/**
 * Keeps the module direction template → task → engine → api → server → cli and the pure core pure.
 */
@AnalyzeClasses(
    packages = "dev.wharf",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Leaves out the modules' test jars (test support may use anything). */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar") && !location.contains("/test-classes/");
    }
  }

  /**
   * Temporary files go in {@code java.io.tmpdir} as it is when they are made, a process's own
   * folder ({@link TempFiles}); the JDK's defaults keep the folder the JVM started with.
   */
  @ArchTest
  static final ArchRule temporaryFiles_goThroughTempFiles =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName(TempFiles.class.getName())
          .should()
          .callMethod(
              Files.class, "createTempFile", String.class, String.class, FileAttribute[].class)
          .orShould()
          .callMethod(Files.class, "createTempDirectory", String.class, FileAttribute[].class)
          .orShould()
          .callMethod(File.class, "createTempFile", String.class, String.class);

  @ArchTest
  static final ArchRule template_dependsOnNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("dev.wharf.template..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "dev.wharf.task..", "dev.wharf.engine..", "dev.wharf.server..", "dev.wharf.cli..");

  @ArchTest
  static final ArchRule task_dependsOnlyOnTemplate =
      noClasses()
          .that()
          .resideInAPackage("dev.wharf.task..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.wharf.engine..", "dev.wharf.server..", "dev.wharf.cli..");

  @ArchTest
  static final ArchRule engine_knowsNoServerOrCli =
      noClasses()
          .that()
          .resideInAPackage("dev.wharf.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.wharf.server..", "dev.wharf.cli..");

  @ArchTest
  static final ArchRule server_knowsNoCli =
      noClasses()
          .that()
          .resideInAPackage("dev.wharf.server..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.wharf.cli..", "picocli..");

  @ArchTest
  static final ArchRule cli_speaksTheWireRecordsNotTheStore =
      noClasses()
          .that()
          .resideInAPackage("dev.wharf.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.wharf.server.store..");

  @ArchTest
  static final ArchRule api_dependsOnJacksonAndTheJdkOnly =
      classes()
          .that()
          .resideInAPackage("dev.wharf.api..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("dev.wharf.api..", "java..", "com.fasterxml.jackson..");

  @ArchTest
  static final ArchRule taskLanguage_staysFreeOfIo =
      noClasses()
          .that()
          .resideInAnyPackage("dev.wharf.template..", "dev.wharf.task..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.github.dockerjava..",
              "com.fasterxml.jackson..",
              "io.javalin..",
              "org.eclipse.jetty..",
              "org.jdbi..",
              "java.sql..",
              "java.net.http..",
              "org.eclipse.jgit..");

  @ArchTest
  static final ArchRule dockerJava_onlyInTheDockerAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.wharf.engine.docker..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.github.dockerjava..");
}
