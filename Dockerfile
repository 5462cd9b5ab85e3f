# syntax=docker/dockerfile:1

# ---- Build stage: the whole reactor, packaged into standalone/target/request-workflows.jar ----
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build

# The poms first: a change to the sources alone leaves these layers cached.
COPY pom.xml ./
COPY shared-api/pom.xml shared-api/
COPY command-side/pom.xml command-side/
COPY query-side/pom.xml query-side/
COPY standalone/pom.xml standalone/

COPY shared-api/src shared-api/src
COPY command-side/src command-side/src
COPY query-side/src query-side/src
COPY standalone/src standalone/src

# The local repository lives in a BuildKit cache mount, so dependencies are downloaded once, not on every build.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q package -DskipTests

# ---- Runtime stage ----
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

WORKDIR /app
# ./data is only used by the embedded stores (no spring.datasource.url / spring.data.mongodb.uri given);
# it is created writable so that the image also runs on its own.
RUN mkdir -p /app/data && chown app:app /app/data

COPY --from=build /build/standalone/target/request-workflows.jar /app/request-workflows.jar

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true"
# Extra JVM flags per deployment; arguments after the image name reach the application (e.g. --spring.profiles.active=axonserver).
ENV JAVA_OPTS=""

USER app
EXPOSE 8080

# No HEALTHCHECK here: the base image has neither curl nor wget (docker-compose.yml checks /actuator/health with bash).
# exec: java becomes PID 1 and receives SIGTERM directly, so server.shutdown=graceful takes effect.
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/request-workflows.jar \"$@\"", "--"]
