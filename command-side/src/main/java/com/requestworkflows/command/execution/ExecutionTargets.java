package com.requestworkflows.command.execution;

import com.requestworkflows.api.request.RequestType;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Which request types are carried out by a call to the loyalty platform, and where to. */
@Component
public class ExecutionTargets {

    private final ExecutionProperties properties;

    public ExecutionTargets(ExecutionProperties properties) {
        this.properties = properties;
    }

    public boolean configured(RequestType type) {
        return properties.targets().containsKey(type);
    }

    public Optional<ExecutionProperties.Target> targetOf(RequestType type) {
        return Optional.ofNullable(properties.targets().get(type));
    }
}
