package io.deepline.jobs.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.deepline.pipelines.persist.Json;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * The content of a registry's {@code LOCK} file: who holds it and until when.
 *
 * @param owner      {@code user@host pid <pid> id <random>}: the person and machine to ask, the process to look
 *                   for, and a random id that tells two runs of one process apart
 * @param acquiredAt ISO-8601 instant
 * @param expiresAt  ISO-8601 instant after which another run may take the lock over
 */
record LockHolder(String owner, String acquiredAt, String expiresAt) {

    /** A new holder for this process, valid from {@code now} until {@code expiresAt}. */
    static LockHolder thisProcess(Instant now, Instant expiresAt) {
        String owner = System.getProperty("user.name", "unknown") + "@" + hostName() + " pid "
                + ProcessHandle.current().pid() + " id " + UUID.randomUUID();
        return new LockHolder(owner, now.toString(), expiresAt.toString());
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
            return Optional.of(holder);
        } catch (JsonProcessingException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // The JVM name is "pid@host" on HotSpot; good enough when the resolver fails.
            String jvm = ManagementFactory.getRuntimeMXBean().getName();
            return jvm.contains("@") ? jvm.substring(jvm.indexOf('@') + 1) : "unknown-host";
        }
    }
}
