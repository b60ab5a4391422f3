package io.laxin.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/** Marks an {@code *IT} whose Spring context runs against the real MySQL, Redis and RocketMQ found for this run. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = LaxinTestEnvironment.class)
public @interface LaxinIntegrationTest {}
