package se.inlagg.local;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A client (or any interface) whose calls a test sees, and whose named operations it can add to or answer itself,
 * for what a real client cannot be made to do on cue: fail, be slow to commit, or answer as DynamoDB or S3 would in
 * a race. What no test names goes to the real client as it is.
 */
public final class Intercepted<T> {

    /** An answer in place of the operation's own; {@link Call#proceed} gives the one it replaced. */
    @FunctionalInterface
    public interface Answer {
        Object answer(Call call) throws Throwable;
    }

    /** One call of an operation. */
    public static final class Call {
        private final String operation;
        private final Object[] args;
        private final Next next;

        private Call(String operation, Object[] args, Next next) {
            this.operation = operation;
            this.args = args;
            this.next = next;
        }

        public String operation() {
            return operation;
        }

        /** The first argument (an SDK call's request, built), or null for an operation that takes none. */
        public Object request() {
            return args == null ? null : args[0];
        }

        public Object proceed() throws Throwable {
            return next.call(args);
        }

        /** The same call with another request in place of the first argument. */
        public Object proceedWith(Object request) throws Throwable {
            Object[] changed = args.clone();
            changed[0] = request;
            return next.call(changed);
        }
    }

    private interface Next {
        Object call(Object[] args) throws Throwable;
    }

    private final Class<T> type;
    private final T real;
    private final List<Consumer<Call>> beforeEvery = new CopyOnWriteArrayList<>();
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();

    private Intercepted(Class<T> type, T real) {
        this.type = type;
        this.real = real;
    }

    public static <T> Intercepted<T> of(Class<T> type, T real) {
        return new Intercepted<>(type, real);
    }

    /** Sees every operation called (not toString, hashCode or equals) before it runs: to record what the code does. */
    public Intercepted<T> beforeEvery(Consumer<Call> action) {
        beforeEvery.add(action);
        return this;
    }

    /** Runs before each call of the operation; what it throws is the call's answer. */
    public Intercepted<T> before(String operation, Consumer<Call> action) {
        return replace(operation, call -> {
            action.accept(call);
            return call.proceed();
        });
    }

    /** Runs the action once, before the first call of the operation: a race's other side, at the moment it matters. */
    public Intercepted<T> beforeTheFirst(String operation, Runnable action) {
        AtomicBoolean ran = new AtomicBoolean();
        return before(operation, call -> {
            if (ran.compareAndSet(false, true)) {
                action.run();
            }
        });
    }

    /** Sees what each call of the operation answered. */
    public Intercepted<T> after(String operation, Consumer<Object> action) {
        return replace(operation, call -> {
            Object answer = call.proceed();
            action.accept(answer);
            return answer;
        });
    }

    /**
     * Answers each call of the operation; one added later wraps those added before, and its {@link Call#proceed} runs
     * them (in the end the real operation).
     */
    public Intercepted<T> replace(String operation, Answer answer) {
        answers.computeIfAbsent(operation, o -> new CopyOnWriteArrayList<>()).add(answer);
        return this;
    }

    public T client() {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return invoke(method, args);
            }
            if (isConvenience(method)) {
                // The SDK's builder overloads and paginators are the interface's own code, calling the operation that
                // takes the built request: run here, that call is seen (and answered) like any other, once.
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            Next next = a -> invoke(method, a);
            for (Answer answer : answers.getOrDefault(method.getName(), List.of())) {
                Next inner = next;
                next = a -> answer.answer(new Call(method.getName(), a, inner));
            }
            Call call = new Call(method.getName(), args, next);
            beforeEvery.forEach(action -> action.accept(call));
            return call.proceed();
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static boolean isConvenience(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return method.isDefault() && (method.getName().endsWith("Paginator") || parameters.length > 0 && parameters[0] == Consumer.class);
    }

    private Object invoke(Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(real, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
