package pl.sciezka.platform.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The library's {@code MongoServer} as the embedded default uses it (plain TCP, no oplog), but for how a
 * connection reads its requests and writes its replies: {@link RequestDecoder} and {@link ReplyEncoder} instead
 * of the library's, whose BSON was most of what the server's workers did in a rebuild. The library builds its
 * connections' handlers inside its {@code bind}, so this server builds them itself; the backend, the commands
 * and the legacy protocol's replies are the library's, on threads named as its are.
 */
final class WireServer implements AutoCloseable {

    private final MongoBackend backend;
    private final EventLoopGroup acceptor = new MultiThreadIoEventLoopGroup(1,
            new MongoThreadFactory("mongo-server-boss"), NioIoHandler.newFactory());
    private final EventLoopGroup workers = new MultiThreadIoEventLoopGroup(0,
            new MongoThreadFactory("mongo-server-worker"), NioIoHandler.newFactory());
    private final ChannelGroup connections = new DefaultChannelGroup("mongodb-channels", workers.next());
    private final Channel listener;

    /** Listens on the address at once (port 0: any free port). */
    WireServer(MongoBackend backend, InetSocketAddress address) {
        this.backend = backend;
        try {
            this.listener = new ServerBootstrap().group(acceptor, workers).channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 100)
                    .childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new MongoWireReplyEncoder(), new ReplyEncoder(),
                                    new RequestDecoder(backend instanceof IdFirstH2Backend), new MongoDatabaseHandler(backend, connections),
                                    new MongoExceptionHandler());
                        }
                    })
                    .bind(address).syncUninterruptibly().channel();
        } catch (RuntimeException failed) {
            stopThreads();
            backend.close();
            throw failed;
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** Stops listening, closes the connections, then the backend (which writes its last commit). */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        connections.close().syncUninterruptibly();
        stopThreads();
        backend.close();
    }

    private void stopThreads() {
        acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        acceptor.terminationFuture().syncUninterruptibly();
        workers.terminationFuture().syncUninterruptibly();
    }
}
