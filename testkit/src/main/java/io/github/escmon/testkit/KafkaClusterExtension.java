package io.github.escmon.testkit;

import io.github.escmon.broker.EmbeddedKafka;
import io.github.escmon.broker.EmbeddedKafkaConfig;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;

/**
 * Injects a {@link KafkaCluster} into test constructors, {@code @BeforeAll}/{@code @BeforeEach} and test methods.
 *
 * <p>One cluster per backend per test JVM: starting Kafka costs seconds, so the first test that asks starts it and
 * JUnit closes it when the whole run ends (it lives in the root store). The backend comes from the system property
 * (or JUnit configuration parameter) {@value #BACKEND_PROPERTY}: {@code embedded} (default, an in-process
 * {@link EmbeddedKafka}) or {@code testcontainers} (an {@code apache/kafka:4.4.0} container). Without a Docker
 * engine, tests on the {@code testcontainers} backend are skipped with a message saying so, never failed.
 *
 * <p>Use {@link WithKafka} on a test class, or {@code @RegisterExtension static KafkaClusterExtension kafka =
 * KafkaClusterExtension.using(Backend.TESTCONTAINERS)} to pin a backend.
 */
public final class KafkaClusterExtension
        implements ExecutionCondition, BeforeAllCallback, TestInstancePreConstructCallback, BeforeEachCallback,
        ParameterResolver {

    public static final String BACKEND_PROPERTY = "escmon.test.kafka";

    /** Where the shared cluster runs. */
    public enum Backend {
        EMBEDDED, TESTCONTAINERS;

        static Backend parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(
                        BACKEND_PROPERTY + " must be 'embedded' or 'testcontainers', was '" + value + "'");
            }
        }
    }

    private static final String NO_DOCKER = "No Docker engine available: skipped, as it needs Kafka on Testcontainers ("
            + TestcontainersBackend.IMAGE + ")";
    private static final Namespace NAMESPACE = Namespace.create(KafkaClusterExtension.class);

    /** null: chosen by {@value #BACKEND_PROPERTY}. */
    private final Backend fixedBackend;

    /** The backend chosen by {@value #BACKEND_PROPERTY} (what {@link WithKafka} uses). */
    public KafkaClusterExtension() {
        this(null);
    }

    private KafkaClusterExtension(Backend fixedBackend) {
        this.fixedBackend = fixedBackend;
    }

    /** For {@code @RegisterExtension}: always this backend, whatever {@value #BACKEND_PROPERTY} says. */
    public static KafkaClusterExtension using(Backend backend) {
        return new KafkaClusterExtension(backend);
    }

    /**
     * Skips the whole class (or method) up front when its backend needs Docker and there is none: nothing of it runs,
     * not even a constructor or {@code @BeforeAll} that wants a cluster.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (backend(context) == Backend.TESTCONTAINERS && !TestcontainersBackend.dockerAvailable()) {
            return ConditionEvaluationResult.disabled(NO_DOCKER);
        }
        return ConditionEvaluationResult.enabled("Kafka backend " + backend(context));
    }

    // The callbacks start the cluster (or abort, should the condition not have been evaluated) before any parameter
    // is resolved: an exception thrown while resolving a parameter would be reported as a failure, not as a skip.

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        cluster(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return cluster(extensionContext);
    }

    private Backend backend(ExtensionContext context) {
        return fixedBackend != null ? fixedBackend
                : context.getConfigurationParameter(BACKEND_PROPERTY).map(Backend::parse).orElse(Backend.EMBEDDED);
    }

    private KafkaCluster cluster(ExtensionContext context) {
        Backend backend = backend(context);
        if (backend == Backend.TESTCONTAINERS) {
            Assumptions.assumeTrue(TestcontainersBackend.dockerAvailable(), NO_DOCKER);
        }
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(backend, KafkaClusterExtension::start, SharedKafkaCluster.class);
    }

    private static SharedKafkaCluster start(Backend backend) {
        if (backend == Backend.TESTCONTAINERS) {
            return TestcontainersBackend.start();
        }
        EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafkaConfig.ephemeral());
        return SharedKafkaCluster.open("embedded Kafka", kafka.bootstrapServers(), kafka);
    }
}
