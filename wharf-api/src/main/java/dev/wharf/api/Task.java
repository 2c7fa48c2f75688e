package dev.wharf.api;

import java.time.Instant;
import java.util.List;

/** A saved task as the API shows it: values, secrets and logins by name only. */
public record Task(
    String name,
    TaskStatus status,
    String context,
    String file,
    String taskText,
    String platform,
    int timeoutSeconds,
    String agentPool,
    List<String> valueNames,
    List<String> secretValueNames,
    List<String> credentialLoginServers,
    Instant createTime,
    Instant updateTime) {}
