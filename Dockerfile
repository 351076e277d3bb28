# One image definition for every service: docker build --build-arg SERVICE=registration-service .
# The build stage is the same for all four, so it is built once and shared.
FROM eclipse-temurin:17.0.15_6-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY kraft-broker kraft-broker
COPY wire-store wire-store
COPY service-support service-support
COPY registration-service registration-service
COPY scheduling-service scheduling-service
COPY notification-service notification-service
COPY gateway gateway
COPY local-platform local-platform
RUN ./mvnw -B -q -DskipTests package -pl registration-service,scheduling-service,notification-service,gateway -am

FROM eclipse-temurin:17.0.15_6-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 convoy \
    && mkdir -p /var/lib/convoy && chown convoy /var/lib/convoy
COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar /app/app.jar
USER convoy
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
