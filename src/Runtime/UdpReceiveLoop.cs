using System.Net;
using System.Net.Sockets;

namespace Stateright.Runtime;

/// <summary>Takes one received datagram (valid only during the call) and its sender.</summary>
internal delegate void DatagramHandler(ReadOnlySpan<byte> datagram, IPEndPoint sender);

/// <summary>The receive loop shared by actor hosts and test clients.</summary>
internal static class UdpReceiveLoop
{
    /// <summary>
    /// Receives whole datagrams (up to the UDP maximum, so an oversized one's size is exact) and hands
    /// each to <paramref name="onDatagram"/> with its sender, until <paramref name="token"/> is cancelled
    /// or the socket closes. Socket errors go to <paramref name="onError"/> and the loop goes on; the
    /// "port unreachable" that Windows reports after a send to a closed port is ignored.
    /// </summary>
    public static async Task RunAsync(Socket socket, DatagramHandler onDatagram, Action<SocketException> onError, CancellationToken token)
    {
        var buffer = new byte[ActorRuntimeOptions<object>.MaxUdpPayload + 1];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!token.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, token).ConfigureAwait(false);
            }
            catch (Exception e) when (token.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }
            catch (SocketException e)
            {
                onError(e);
                continue;
            }
            onDatagram(buffer.AsSpan(0, result.ReceivedBytes), (IPEndPoint)result.RemoteEndPoint);
        }
    }
}
