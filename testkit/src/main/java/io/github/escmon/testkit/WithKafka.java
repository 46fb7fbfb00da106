package io.github.escmon.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class (or method) a {@link KafkaCluster} parameter in constructors, {@code @BeforeAll},
 * {@code @BeforeEach} and test methods. Shorthand for {@code @ExtendWith(KafkaClusterExtension.class)}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(KafkaClusterExtension.class)
public @interface WithKafka {
}
