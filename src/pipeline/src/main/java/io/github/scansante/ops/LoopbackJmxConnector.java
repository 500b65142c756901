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
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;

/**
 * A JMX connector listening on 127.0.0.1 only, started from code so that {@code serve --jmx-port}
 * needs no JVM flags. The RMI registry and the connector share the port, as firewalls prefer.
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

  public static LoopbackJmxConnector start(int port) throws IOException {
    // Stubs handed to clients must name the loopback address, not the host's public name.
    System.setProperty("java.rmi.server.hostname", LOOPBACK);
    InetAddress loopback = InetAddress.getByName(LOOPBACK);
    RMIServerSocketFactory sockets = p -> new ServerSocket(p, 0, loopback);
    Registry registry = LocateRegistry.createRegistry(port, null, sockets);
    Map<String, Object> env = new HashMap<>();
    env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
    JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + LOOPBACK + ":" + port + "/jndi/rmi://" + LOOPBACK + ":" + port + "/jmxrmi");
    JMXConnectorServer server = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
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
