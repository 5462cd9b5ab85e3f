package com.requestworkflows;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Runs the command side and the query side in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RequestWorkflowsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RequestWorkflowsApplication.class, args);
    }
}
