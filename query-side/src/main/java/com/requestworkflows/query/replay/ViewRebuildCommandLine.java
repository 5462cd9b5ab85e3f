package com.requestworkflows.query.replay;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Batch use: {@code java -jar request-workflows.jar --requests.replay=<view|all>
 * --spring.main.web-application-type=none} rebuilds, prints its progress every few seconds and exits with 0 when
 * the views are rebuilt, 1 otherwise. Run it while the service is stopped: the processors it pauses and resumes
 * are its own.
 */
@Component
@ConditionalOnProperty("requests.replay")
class ViewRebuildCommandLine implements ApplicationRunner {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private final ViewRebuilds rebuilds;
    private final ConfigurableApplicationContext context;
    private final String target;

    ViewRebuildCommandLine(ViewRebuilds rebuilds, ConfigurableApplicationContext context) {
        this.rebuilds = rebuilds;
        this.context = context;
        this.target = context.getEnvironment().getProperty("requests.replay");
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        PrintStream out = System.out;
        ViewRebuild rebuild = rebuilds.start(target, 0);
        ViewRebuild.Progress progress = rebuild.progress();
        while (rebuild.isRunning()) {
            Thread.sleep(REPORT_EVERY.toMillis());
            progress = rebuild.progress();
            out.printf("rebuild %s: %s %d/%d events, %d events/s, eta %s s%n", progress.views(), progress.status(),
                    progress.eventsDone(), progress.eventsTotal(), progress.eventsPerSecond(), progress.etaSeconds());
        }
        progress = rebuild.progress();
        out.printf("rebuild %s: %s after %d events%s%n", progress.views(), progress.status(), progress.eventsDone(),
                progress.error() == null ? "" : " (" + progress.error() + ")");
        int exitCode = progress.status() == ViewRebuild.Status.COMPLETED ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exitCode));
    }
}
