package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The API versions of Strimzi's custom resources in which a property exists, as Strimzi's model
 * classes ({@code io.strimzi:api}) record it on their getters. The model keeps these annotations in
 * its class files, but their type ships in Strimzi's crd-generator, which is not published: declaring
 * it here lets reflection read them ({@link dev.bricks.k8s.StrimziModel} rejects the properties that
 * the {@code v1} API no longer has).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    /** For example {@code v1beta2}, {@code v1+} or {@code v1alpha1-v1beta2}. */
    String value();
}
