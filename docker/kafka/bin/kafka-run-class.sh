#!/bin/sh
# Runs a Kafka class on the broker's class path with a small client JVM, as the scripts of a Kafka distribution do.
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 ${KAFKA_OPTS:-} \
  -Dlogback.configurationFile=/opt/kafka/config/tools-logback.xml -cp '/opt/kafka/libs/*' "$@"
