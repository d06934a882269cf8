package io.slawatch;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/** Waiting on a submitted job, for the runners that start one and then feed it. */
public final class JobClients {

    /** How long a job on a local MiniCluster may take to have all its tasks running. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(1);

    private JobClients() {}

    /**
     * Returns once the job runs; fails if it ended or did not start within {@link #START_TIMEOUT}.
     */
    public static void awaitRunning(JobClient job) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (JobStatus status = job.getJobStatus().get();
                status != JobStatus.RUNNING;
                status = job.getJobStatus().get()) {
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException("job " + job.getJobID() + " ended: " + status);
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(
                        "job " + job.getJobID() + " not running after " + START_TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
