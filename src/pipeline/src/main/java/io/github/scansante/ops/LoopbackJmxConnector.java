package io.github.scansante.ops;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXAuthenticator;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A JMX connector listening on 127.0.0.1 only, started from code so that {@code serve --jmx-port}
 * needs no JVM flags. The RMI registry and the connector share the port, as firewalls prefer.
 * Loopback alone is not enough on a shared machine: every connection must log in, and a read-only
 * user cannot invoke anything (Camel's own MBeans can write files as the user running serve).
 */
public final class LoopbackJmxConnector implements AutoCloseable {

  private static final String LOOPBACK = "127.0.0.1";

  private final Registry registry;
  private final JMXConnectorServer server;
  private final JMXServiceURL url;

  private LoopbackJmxConnector(Registry registry, JMXConnectorServer server, JMXServiceURL url) {
    this.registry = registry;
    this.server = server;
    this.url = url;
  }

  /**
   * @param users who may connect; anonymous and wrong credentials are refused
   * @param readOnlyUsers users who may read but not invoke or change anything
   */
  public static LoopbackJmxConnector start(int port, JMXAuthenticator users, Set<String> readOnlyUsers) throws IOException {
    // Stubs handed to clients must name the loopback address, not the host's public name.
    System.setProperty("java.rmi.server.hostname", LOOPBACK);
    InetAddress loopback = InetAddress.getByName(LOOPBACK);
    RMIServerSocketFactory sockets = p -> new ServerSocket(p, 0, loopback);
    Registry registry = LocateRegistry.createRegistry(port, null, sockets);
    Map<String, Object> env = new HashMap<>();
    env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
    env.put(JMXConnectorServer.AUTHENTICATOR, users);
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + LOOPBACK + ":" + port + "/jndi/rmi://" + LOOPBACK + ":" + port + "/jmxrmi");
    JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
    server.setMBeanServerForwarder(JmxRoles.readOnlyFor(readOnlyUsers));
    server.start();
    return new LoopbackJmxConnector(registry, server, url);
  }

  public JMXServiceURL url() {
    return url;
  }

  @Override
  public void close() throws IOException {
    server.stop();
    UnicastRemoteObject.unexportObject(registry, true);
  }
}
