package com.requestworkflows.command.request;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.List;
import java.util.function.Consumer;

/** Lets the fixture's Hamcrest-based expectations run AssertJ assertions, reporting their message on mismatch. */
final class AssertingMatcher<T> extends TypeSafeDiagnosingMatcher<T> {

    private final Class<?> type;
    private final Consumer<T> assertions;

    private AssertingMatcher(Class<?> type, Consumer<T> assertions) {
        super(type);
        this.type = type;
        this.assertions = assertions;
    }

    static <T> Matcher<T> satisfying(Class<T> type, Consumer<T> assertions) {
        return new AssertingMatcher<>(type, assertions);
    }

    /** For {@code expectEventsMatching}: runs the assertions on the payloads of the events the command recorded. */
    static Matcher<List<EventMessage<?>>> eventPayloads(Consumer<List<Object>> assertions) {
        return new AssertingMatcher<List<EventMessage<?>>>(List.class,
                messages -> assertions.accept(messages.stream().map(Message::getPayload).map(Object.class::cast).toList()));
    }

    @Override
    protected boolean matchesSafely(T item, Description mismatch) {
        try {
            assertions.accept(item);
            return true;
        } catch (AssertionError failure) {
            mismatch.appendText(failure.getMessage());
            return false;
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a " + type.getSimpleName() + " satisfying the test's assertions");
    }
}
