package org.pharmatrace.epcis.xml;

import jakarta.xml.bind.annotation.DomHandler;
import jakarta.xml.bind.annotation.W3CDomHandler;
import jakarta.xml.bind.annotation.XmlAnyElement;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import org.glassfish.jaxb.core.v2.model.annotation.Locatable;
import org.glassfish.jaxb.core.v2.model.core.ErrorHandler;
import org.glassfish.jaxb.runtime.v2.model.annotation.RuntimeAnnotationReader;
import org.glassfish.jaxb.runtime.v2.model.annotation.RuntimeInlineAnnotationReader;

/**
 * Reads the generated classes' annotations as they are, except that wildcards ({@code @XmlAnyElement}) use
 * {@link ExtensionTreeHandler} instead of DOM. xjc has no option for a wildcard's handler; JAXB's runtime
 * annotation reader (a documented extension point of the reference implementation) is where it can be set.
 */
final class WildcardAnnotations implements RuntimeAnnotationReader {

    /** {@code @XmlAnyElement(value = ExtensionTreeHandler.class, lax = ...)}. */
    @SuppressWarnings("ClassExplicitlyAnnotation")
    private record TreeWildcard(boolean lax) implements XmlAnyElement {
        @Override
        public Class<? extends DomHandler<?, ?>> value() {
            return ExtensionTreeHandler.class;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return XmlAnyElement.class;
        }
    }

    private final RuntimeInlineAnnotationReader annotations = new RuntimeInlineAnnotationReader();

    private static Annotation swap(Annotation a) {
        if (a instanceof XmlAnyElement any && !(a instanceof TreeWildcard) && any.value() == W3CDomHandler.class) {
            return new TreeWildcard(any.lax());
        }
        return a;
    }

    @Override
    public <A extends Annotation> A getFieldAnnotation(Class<A> type, Field field, Locatable srcPos) {
        A a = annotations.getFieldAnnotation(type, field, srcPos);
        return a == null ? null : type.cast(swap(a));
    }

    @Override
    public Annotation[] getAllFieldAnnotations(Field field, Locatable srcPos) {
        Annotation[] all = annotations.getAllFieldAnnotations(field, srcPos).clone();
        for (int i = 0; i < all.length; i++) {
            all[i] = swap(all[i]);
        }
        return all;
    }

    @Override
    public Type getClassValue(Annotation a, String name) {
        if (a instanceof TreeWildcard && "value".equals(name)) {
            return ExtensionTreeHandler.class;
        }
        return annotations.getClassValue(a, name);
    }

    @Override
    public void setErrorHandler(ErrorHandler errorHandler) {
        annotations.setErrorHandler(errorHandler);
    }

    @Override
    public boolean hasFieldAnnotation(Class<? extends Annotation> type, Field field) {
        return annotations.hasFieldAnnotation(type, field);
    }

    @Override
    public boolean hasClassAnnotation(Class clazz, Class<? extends Annotation> type) {
        return annotations.hasClassAnnotation(clazz, type);
    }

    @Override
    public <A extends Annotation> A getMethodAnnotation(Class<A> type, Method getter, Method setter, Locatable srcPos) {
        return annotations.getMethodAnnotation(type, getter, setter, srcPos);
    }

    @Override
    public boolean hasMethodAnnotation(Class<? extends Annotation> type, String propertyName, Method getter, Method setter,
                                       Locatable srcPos) {
        return annotations.hasMethodAnnotation(type, propertyName, getter, setter, srcPos);
    }

    @Override
    public Annotation[] getAllMethodAnnotations(Method method, Locatable srcPos) {
        return annotations.getAllMethodAnnotations(method, srcPos);
    }

    @Override
    public <A extends Annotation> A getMethodAnnotation(Class<A> type, Method method, Locatable srcPos) {
        return annotations.getMethodAnnotation(type, method, srcPos);
    }

    @Override
    public boolean hasMethodAnnotation(Class<? extends Annotation> type, Method method) {
        return annotations.hasMethodAnnotation(type, method);
    }

    @Override
    public <A extends Annotation> A getMethodParameterAnnotation(Class<A> type, Method method, int paramIndex, Locatable srcPos) {
        return annotations.getMethodParameterAnnotation(type, method, paramIndex, srcPos);
    }

    @Override
    public <A extends Annotation> A getClassAnnotation(Class<A> type, Class clazz, Locatable srcPos) {
        return annotations.getClassAnnotation(type, clazz, srcPos);
    }

    @Override
    public <A extends Annotation> A getPackageAnnotation(Class<A> type, Class clazz, Locatable srcPos) {
        return annotations.getPackageAnnotation(type, clazz, srcPos);
    }

    @Override
    public Type[] getClassArrayValue(Annotation a, String name) {
        return annotations.getClassArrayValue(a, name);
    }
}
