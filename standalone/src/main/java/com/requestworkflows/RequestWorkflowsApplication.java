package com.requestworkflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the command side and the query side in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RequestWorkflowsApplication {

    private static final String UPDATE_CHECK_PROPERTY = "axoniq.update-checker.disabled";
    private static final String UPDATE_CHECK_VARIABLE = "AXONIQ_UPDATE_CHECKER_DISABLED";

    public static void main(String[] args) {
        // Axon's update checker calls out to the internet at start-up; this service runs on closed networks, so it
        // is off unless the operator asks for it (-Daxoniq.update-checker.disabled=false or the variable).
        if (System.getProperty(UPDATE_CHECK_PROPERTY) == null && System.getenv(UPDATE_CHECK_VARIABLE) == null) {
            System.setProperty(UPDATE_CHECK_PROPERTY, "true");
        }
        SpringApplication.run(RequestWorkflowsApplication.class, args);
    }
}
