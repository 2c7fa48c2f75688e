package dev.wharf.cli;

import dev.wharf.engine.run.Runner;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * SIGINT and SIGTERM during a run: the first cancels it cleanly, a second one stops the steps at
 * once; cleanup runs either way, and the exit status says which signal it was (130 or 143).
 *
 * <p>The JDK's only API for signal handlers is {@code sun.misc.Signal} (module {@code
 * jdk.unsupported}). It is reached reflectively because javac warns about every direct use of it
 * and offers no way to suppress that warning, and the build treats warnings as errors.
 */
final class Interrupts implements AutoCloseable {

  private static final SignalApi SIGNALS = SignalApi.load();

  private final AtomicReference<String> received = new AtomicReference<>();
  private final Object previousInt;
  private final Object previousTerm;

  private Interrupts(Runner runner) {
    Object handler =
        SIGNALS.handler(
            name -> {
              received.compareAndSet(null, name);
              runner.cancel();
            });
    previousInt = SIGNALS.handle("INT", handler);
    previousTerm = SIGNALS.handle("TERM", handler);
  }

  static Interrupts cancelling(Runner runner) {
    return new Interrupts(runner);
  }

  /** 130 after SIGINT, 143 after SIGTERM. */
  int exitStatus() {
    return "TERM".equals(received.get()) ? 143 : 130;
  }

  @Override
  public void close() {
    SIGNALS.handle("INT", previousInt);
    SIGNALS.handle("TERM", previousTerm);
  }

  /** {@code sun.misc.Signal.handle} and {@code sun.misc.SignalHandler}, looked up once. */
  private record SignalApi(
      Class<?> handlerType, Constructor<?> newSignal, Method handle, Method name) {

    static SignalApi load() {
      try {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
        return new SignalApi(
            handlerType,
            signal.getConstructor(String.class),
            signal.getMethod("handle", signal, handlerType),
            signal.getMethod("getName"));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("this Java runtime has no sun.misc.Signal", e);
      }
    }

    /** A {@code SignalHandler} that passes the signal's name ({@code INT}, {@code TERM}). */
    Object handler(Consumer<String> onSignal) {
      return Proxy.newProxyInstance(
          handlerType.getClassLoader(),
          new Class<?>[] {handlerType},
          (proxy, method, args) -> {
            if (method.getName().equals("handle") && args != null && args.length == 1) {
              onSignal.accept((String) name.invoke(args[0]));
              return null;
            }
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              case "toString" -> "wharf interrupt handler";
              default -> throw new UnsupportedOperationException(method.getName());
            };
          });
    }

    /** Installs {@code handler} for the signal and answers the one it replaced. */
    Object handle(String signalName, Object handler) {
      try {
        Object signal = newSignal.newInstance(signalName);
        return handle.invoke(null, signal, handler);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("cannot handle SIG" + signalName, e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot handle SIG" + signalName, e);
      }
    }
  }
}
