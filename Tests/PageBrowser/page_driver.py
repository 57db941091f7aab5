#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages ending in a NUL byte on file descriptors 3 and 4), with Python's standard library only.
A checker for the tests and for measuring the page; placemap itself never runs it.

    python3 page_driver.py CHROMIUM < plan.json > result.json

The plan: {"url": "file:///.../index.html#2020-02-06", "width": 1400, "height": 900,
           "steps": [{"wait": "JS expression", "timeout": 20}, {"eval": "JS expression"},
                     {"click": "CSS selector"}, {"screenshot": "/path.png"}, {"navigate": "URL"}]}
Each step's result comes back in order: {"ok": bool, "value": ..., "ms": milliseconds since the last
navigation}. Besides: "console" (console calls of any level), "exceptions" (uncaught ones), "log"
(browser log entries such as failed loads), "resources" (every URL requested, with its bytes on disk
for file:// URLs) and "first_view_ms" (the page's own performance.now() at its first drawn view).
"""
import fcntl
import json
import os
import select
import shutil
import sys
import tempfile
import time
import urllib.parse


class Browser:
    def __init__(self, chromium, width, height):
        self.profile = tempfile.mkdtemp(prefix="placemap-chromium-")
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        # Move the child's ends above 3 and 4 first, so that the dup2 below never meets itself.
        a = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD_CLOEXEC, 10)
        b = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + self.profile, "--window-size=%d,%d" % (width, height), "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "about:blank"]
        devnull = os.open(os.devnull, os.O_RDWR)
        actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
                   (os.POSIX_SPAWN_DUP2, devnull, 2), (os.POSIX_SPAWN_DUP2, a, 3), (os.POSIX_SPAWN_DUP2, b, 4)]
        self.pid = os.posix_spawn(chromium, args, os.environ, file_actions=actions)
        for fd in (a, b, devnull):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def send(self, method, params=None, session=True, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            for m in self.read(deadline - time.time()):
                if m.get("id") == self.next_id:
                    if "error" in m:
                        raise RuntimeError("%s: %s" % (method, m["error"]))
                    return m.get("result", {})
                self.events.append(m)
            if time.time() > deadline:
                raise RuntimeError("no answer to %s in %d s" % (method, timeout))

    def read(self, timeout):
        ready, _, _ = select.select([self.from_chrome], [], [], max(timeout, 0))
        if not ready:
            return []
        chunk = os.read(self.from_chrome, 1 << 20)
        if not chunk:
            raise RuntimeError("chromium closed the pipe")
        self.buffer += chunk
        *messages, self.buffer = self.buffer.split(b"\0")
        return [json.loads(m) for m in messages if m]

    def pump(self, seconds):
        deadline = time.time() + seconds
        while time.time() < deadline:
            self.events.extend(self.read(deadline - time.time()))

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=10)
        except Exception:
            pass
        for _ in range(50):
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.1)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        shutil.rmtree(self.profile, ignore_errors=True)


def evaluate(browser, expression):
    r = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
    if "exceptionDetails" in r:
        raise RuntimeError("evaluate %r: %s" % (expression, r["exceptionDetails"].get("exception", {}).get("description")))
    return r.get("result", {}).get("value")


def run(chromium, plan):
    browser = Browser(chromium, plan.get("width", 1400), plan.get("height", 900))
    results = []
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = browser.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, session=False)
        browser.session = attached["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            browser.send(domain + ".enable")
        browser.send("Emulation.setDeviceMetricsOverride", {"width": plan.get("width", 1400),
                     "height": plan.get("height", 900), "deviceScaleFactor": 1, "mobile": False})
        start = time.time()
        browser.send("Page.navigate", {"url": plan["url"]})
        for step in plan.get("steps", []):
            if "navigate" in step:
                start = time.time()
                browser.send("Page.navigate", {"url": step["navigate"]})
                results.append({"ok": True, "ms": 0})
            elif "wait" in step:
                deadline = time.time() + step.get("timeout", 20)
                value = None
                while time.time() < deadline:
                    try:
                        value = evaluate(browser, step["wait"])
                    except RuntimeError:
                        value = None
                    if value:
                        break
                    browser.pump(0.02)
                results.append({"ok": bool(value), "value": value, "ms": round((time.time() - start) * 1000)})
            elif "eval" in step:
                value = evaluate(browser, step["eval"])
                results.append({"ok": True, "value": value, "ms": round((time.time() - start) * 1000)})
            elif "click" in step:
                box = evaluate(browser, "(function(){var e=document.querySelector(%s);if(!e)return null;"
                                        "var r=e.getBoundingClientRect();if(r.top<0||r.left<0||r.bottom>innerHeight||r.right>innerWidth){"
                                        "e.scrollIntoView({block:'center'});r=e.getBoundingClientRect();}"
                                        "return [r.left+r.width/2,r.top+r.height/2];})()" % json.dumps(step["click"]))
                if box is None:
                    results.append({"ok": False, "value": "no element " + step["click"]})
                    continue
                for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
                    browser.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1], "button": "left",
                                                              "clickCount": 1})
                results.append({"ok": True, "ms": round((time.time() - start) * 1000)})
            elif "screenshot" in step:
                import base64
                shot = browser.send("Page.captureScreenshot", {"format": "png"})
                with open(step["screenshot"], "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
                results.append({"ok": True})
        first_view = evaluate(browser, "window.PlaceMapTimes ? window.PlaceMapTimes.firstView : null")
        browser.pump(0.2)
    finally:
        browser.close()
    console, exceptions, log, resources = [], [], [], {}
    for m in browser.events:
        p = m.get("params", {})
        if m.get("method") == "Runtime.consoleAPICalled":
            console.append({"type": p.get("type"), "text": " ".join(str(a.get("value", a.get("description", "")))
                                                                  for a in p.get("args", []))})
        elif m.get("method") == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            where = "%s:%s:%s" % (d.get("url", ""), d.get("lineNumber", ""), d.get("columnNumber", ""))
            exceptions.append((d.get("exception", {}).get("description") or d.get("text")) + " at " + where)
        elif m.get("method") == "Log.entryAdded":
            e = p.get("entry", {})
            log.append({"level": e.get("level"), "text": e.get("text"), "url": e.get("url")})
        elif m.get("method") == "Network.requestWillBeSent":
            url = p.get("request", {}).get("url", "")
            size = None
            if url.startswith("file://"):
                path = urllib.parse.unquote(urllib.parse.urlsplit(url).path)
                size = os.path.getsize(path) if os.path.isfile(path) else None
            resources[url.split("#")[0]] = size
    return {"results": results, "console": console, "exceptions": exceptions, "log": log,
            "resources": [{"url": u, "bytes": b} for u, b in sorted(resources.items())], "first_view_ms": first_view}


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    json.dump(run(sys.argv[1], json.load(sys.stdin)), sys.stdout)
