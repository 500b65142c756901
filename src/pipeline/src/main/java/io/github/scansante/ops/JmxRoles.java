package io.github.scansante.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.AccessController;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.remote.JMXPrincipal;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * Two roles on the JMX connector: the read-only user ({@value JmxCredentials#MONITOR}) may read
 * attributes and listen to notifications; every other authenticated user may also set attributes,
 * invoke operations ({@code triggerRun}, and Camel's own) and create or remove MBeans. Placed
 * between the connector and the MBean server, as the JDK's access file is.
 */
public final class JmxRoles implements InvocationHandler {

  /** MBeanServer methods that change something or run code (the JDK's access file calls them write and create). */
  private static final Set<String> WRITES = Set.of("setAttribute", "setAttributes", "invoke", "createMBean",
      "registerMBean", "unregisterMBean", "instantiate");

  private final Set<String> readOnlyUsers;
  private MBeanServer server;

  private JmxRoles(Set<String> readOnlyUsers) {
    this.readOnlyUsers = readOnlyUsers;
  }

  /** A forwarder that lets {@code readOnlyUsers} read only. */
  public static MBeanServerForwarder readOnlyFor(Set<String> readOnlyUsers) {
    return (MBeanServerForwarder) Proxy.newProxyInstance(MBeanServerForwarder.class.getClassLoader(),
        new Class<?>[] {MBeanServerForwarder.class}, new JmxRoles(readOnlyUsers));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (name.equals("getMBeanServer") && args == null) {
      return server;
    }
    if (name.equals("setMBeanServer") && args != null && args.length == 1) {
      server = (MBeanServer) args[0];
      return null;
    }
    if (WRITES.contains(name)) {
      String user = currentUser();
      if (user == null || readOnlyUsers.contains(user)) {
        throw new SecurityException("access denied: " + (user == null ? "no user" : "user " + user + " is read-only")
            + " (" + name + ")");
      }
    }
    try {
      return method.invoke(server, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The authenticated user of the remote call in progress; the connector runs it as that subject. */
  @SuppressWarnings("removal") // Subject.current() arrives with Java 18; the connector still sets the old context
  private static String currentUser() {
    Subject subject = Subject.getSubject(AccessController.getContext());
    if (subject == null) {
      return null;
    }
    return subject.getPrincipals(JMXPrincipal.class).stream().map(JMXPrincipal::getName).findFirst().orElse(null);
  }
}
