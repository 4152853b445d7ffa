# The raqib image: one jar, every service; docker-compose.yml picks the service with the command.
# Build where Docker runs: docker build -t raqib:dev .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# /var/lib/raqib/tokens is where docker-compose shares one admin token between the API and the streams instances.
RUN useradd --system --home /var/lib/raqib raqib && mkdir -p /var/lib/raqib/tokens && chown -R raqib /var/lib/raqib
WORKDIR /var/lib/raqib
COPY --from=build /src/app/target/raqib.jar /opt/raqib/raqib.jar
USER raqib
EXPOSE 8080 8081 8082
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/raqib/raqib.jar"]
CMD ["--help"]
