package io.deepline.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deepline.pipelines.core.io.Json;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The content of a registry's {@code LOCK} file: who holds it and until when.
 *
 * @param owner            {@code user@host pid <pid> id <random>}: the person and machine to ask, the process to
 *                         look for, and a random id that tells two runs of one process apart
 * @param acquiredAt       ISO-8601 instant
 * @param expiresAt        ISO-8601 instant after which another run may take the lock over
 * @param host             the holder's host name; null in locks written before it was recorded
 * @param pid              the holder's process id on that host; null in older locks
 * @param processStartedAt ISO-8601 start of that process, which tells it from a later process given the same pid;
 *                         null in older locks or where the JVM cannot tell
 */
record LockHolder(String owner, String acquiredAt, String expiresAt, String host, Long pid,
                  String processStartedAt) {

    /**
     * How far apart two readings of one process's start may be. A process's start instant is derived from the
     * boot time and clock ticks; a different process reusing the pid started at least one pid-space wrap later.
     * Within this margin the pid counts as the holder's, so an error can only keep a lock, never break a live one.
     */
    private static final Duration SAME_START = Duration.ofSeconds(1);

    /** A new holder for this process, valid from {@code now} until {@code expiresAt}. */
    static LockHolder thisProcess(Instant now, Instant expiresAt) {
        ProcessHandle self = ProcessHandle.current();
        String host = hostName();
        String owner = System.getProperty("user.name", "unknown") + "@" + host + " pid " + self.pid() + " id "
                + UUID.randomUUID();
        String started = self.info().startInstant().map(Instant::toString).orElse(null);
        return new LockHolder(owner, now.toString(), expiresAt.toString(), host, self.pid(), started);
    }

    /**
     * Whether the holder was a process on this host that no longer runs: its pid is gone, or now belongs to a
     * process that started at another time. False when the lock does not say (an older lock) or names another
     * host, whose processes this one cannot see.
     */
    boolean deadOnThisHost() {
        if (host == null || pid == null || !host.equals(hostName())) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        if (processStartedAt == null || started.isEmpty()) {
            return false;
        }
        Duration apart = Duration.between(Instant.parse(processStartedAt), started.get()).abs();
        return apart.compareTo(SAME_START) > 0;
    }

    /** The expiry as an instant. */
    Instant expiry() {
        return Instant.parse(expiresAt);
    }

    String toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the lock as JSON: " + e.getMessage(), e);
        }
    }

    /** The holder in {@code json}, or empty when it is not a complete lock (a torn write, a stray file). */
    static Optional<LockHolder> parse(String json) {
        try {
            LockHolder holder = Json.MAPPER.readValue(json, LockHolder.class);
            if (holder == null || holder.owner() == null || holder.expiresAt() == null) {
                return Optional.empty();
            }
            holder.expiry();
            if (holder.processStartedAt() != null) {
                Instant.parse(holder.processStartedAt());
            }
            return Optional.of(holder);
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The JVM name is "pid@host" on HotSpot; good enough when the resolver fails.
            String jvm = ManagementFactory.getRuntimeMXBean().getName();
            return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) : "unknown-host";
        }
    }
}
