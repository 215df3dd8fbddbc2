"""An OTLP/HTTP receiver that reads every export and throws it away, the cheapest receiver there is: the app's
own cost of exporting, without a receiver that stores and indexes (the Aspire dashboard) on the same cores.
   python3 bench/webapi/otlp_discard.py PORT      answers 200 to every POST (an empty Export*ServiceResponse)"""
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Discard(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Discard).serve_forever()
