"""The deployment examples in deploy/ parse and fit the portal: systemd units (configparser)
for web, worker and beat, and the nginx reverse proxy (a small brace/directive parser)."""

import configparser
import re
import shlex
from pathlib import Path

import pytest
from django.conf import settings

DEPLOY = Path(settings.BASE_DIR) / "deploy"
UNITS = {
    "web": DEPLOY / "systemd" / "wijkportaal-web.service",
    "worker": DEPLOY / "systemd" / "wijkportaal-worker.service",
    "beat": DEPLOY / "systemd" / "wijkportaal-beat.service",
}
NGINX = DEPLOY / "nginx" / "wijkportaal.conf"


# --- systemd ---------------------------------------------------------------------------------


def read_unit(path: Path) -> configparser.ConfigParser:
    unit = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read_string(path.read_text(encoding="utf-8"), source=str(path))
    return unit


@pytest.mark.parametrize("name", UNITS)
def test_each_unit_parses_and_runs_the_portal_as_its_own_user(name):
    unit = read_unit(UNITS[name])
    assert set(unit.sections()) == {"Unit", "Service", "Install"}
    service = unit["Service"]
    assert service["User"] == "wijkportaal" and service["User"] != "root"
    assert service["EnvironmentFile"].startswith("/etc/wijkportaal/")
    assert service["Environment"] == "DJANGO_SETTINGS_MODULE=wijkportaal.settings.production"
    assert service["Restart"] in {"on-failure", "always"}
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert "network-online.target" in unit["Unit"]["After"]
    command = shlex.split(service["ExecStart"])
    assert command[0].startswith(service["WorkingDirectory"] + "/.venv/bin/")


def test_the_web_unit_serves_the_wsgi_app_where_nginx_proxies_to():
    command = shlex.split(read_unit(UNITS["web"])["Service"]["ExecStart"])
    assert command[0].endswith("/gunicorn")
    assert settings.WSGI_APPLICATION.replace(".application", ":application") in command
    bind = command[command.index("--bind") + 1]
    upstream = directives(parse_nginx(NGINX.read_text()), "upstream")[0]
    assert [d.args[0] for d in upstream.children if d.name == "server"] == [bind]


def test_the_worker_and_the_one_beat_run_the_portals_celery_app():
    worker = shlex.split(read_unit(UNITS["worker"])["Service"]["ExecStart"])
    beat = shlex.split(read_unit(UNITS["beat"])["Service"]["ExecStart"])
    assert worker[0].endswith("/celery") and worker[1:4] == ["-A", "wijkportaal", "worker"]
    assert beat[0].endswith("/celery") and beat[1:4] == ["-A", "wijkportaal", "beat"]
    # beat keeps its schedule file where the service may write
    schedule = next(arg for arg in beat if arg.startswith("--schedule="))
    assert schedule.split("=", 1)[1].startswith(
        read_unit(UNITS["beat"])["Service"]["ReadWritePaths"]
    )


# --- nginx -----------------------------------------------------------------------------------


class Directive:
    def __init__(self, name, args, children=None):
        self.name, self.args, self.children = name, args, children

    def __repr__(self):
        return f"{self.name} {self.args}{' {…}' if self.children is not None else ''}"


TOKEN = re.compile(r"""\s+|#[^\n]*|'[^']*'|"[^"]*"|[{};]|[^\s{};'"#]+""")


def tokens(text: str):
    position = 0
    while position < len(text):
        match = TOKEN.match(text, position)
        if match is None:
            raise ValueError(f"cannot read nginx config at {text[position : position + 30]!r}")
        position = match.end()
        token = match.group()
        if token.isspace() or token.startswith("#"):
            continue
        yield token[1:-1] if token[0] in "'\"" else token


def parse_nginx(text: str) -> list[Directive]:
    """Directives end in ';' or open a '{' block; braces must balance."""
    stack: list[list[Directive]] = [[]]
    words: list[str] = []
    for token in tokens(text):
        if token == ";":
            if not words:
                raise ValueError("empty directive")
            stack[-1].append(Directive(words[0], words[1:]))
            words = []
        elif token == "{":
            if not words:
                raise ValueError("block without a name")
            block = Directive(words[0], words[1:], [])
            stack[-1].append(block)
            stack.append(block.children)
            words = []
        elif token == "}":
            if words or len(stack) == 1:
                raise ValueError("unbalanced '}' or directive without ';'")
            stack.pop()
        else:
            words.append(token)
    if words or len(stack) != 1:
        raise ValueError("unclosed block or directive without ';'")
    return stack[0]


def directives(tree, name):
    return [directive for directive in tree if directive.name == name]


def walk(tree):
    for directive in tree:
        yield directive
        if directive.children:
            yield from walk(directive.children)


def test_the_parser_refuses_broken_configs():
    for broken in ("server { listen 80; ", "server { listen 80 }", "listen 80; }", "{ x; }"):
        with pytest.raises(ValueError):
            parse_nginx(broken)


@pytest.fixture(scope="module")
def nginx():
    return parse_nginx(NGINX.read_text(encoding="utf-8"))


def test_nginx_redirects_http_and_serves_https(nginx):
    plain, secure = directives(nginx, "server")
    assert ["80"] in [d.args for d in plain.children if d.name == "listen"]
    assert ["301", "https://$host$request_uri"] in [
        d.args for d in plain.children if d.name == "return"
    ]
    assert ["443", "ssl"] in [d.args for d in secure.children if d.name == "listen"]
    assert directives(secure.children, "ssl_certificate")
    assert directives(secure.children, "ssl_certificate_key")


def test_nginx_passes_what_the_portal_needs_to_the_portal(nginx):
    secure = directives(nginx, "server")[1]
    proxied = [
        d for d in secure.children if d.name == "location" and directives(d.children, "proxy_pass")
    ]
    assert proxied, "no location proxies to the portal"
    header, value = settings_header()
    for location in proxied:
        assert directives(location.children, "proxy_pass")[0].args == ["http://wijkportaal"]
        sent = {d.args[0]: d.args[1] for d in location.children if d.name == "proxy_set_header"}
        assert sent.get(header) == value  # SECURE_PROXY_SSL_HEADER of production
        assert sent.get("X-Request-ID") == "$request_id"
        assert sent.get("Host") == "$host"


def settings_header():
    """What production's SECURE_PROXY_SSL_HEADER expects (read from the file: importing the
    production settings needs a SECRET_KEY)."""
    text = (Path(settings.BASE_DIR) / "wijkportaal" / "settings" / "production.py").read_text()
    meta, value = re.search(r'SECURE_PROXY_SSL_HEADER = \("(\w+)", "(\w+)"\)', text).groups()
    assert value == "https"
    return meta.removeprefix("HTTP_").replace("_", "-").title(), "$scheme"


def test_nginx_serves_collected_static_files_and_never_raw_uploads(nginx):
    secure = directives(nginx, "server")[1]
    locations = {tuple(d.args): d for d in secure.children if d.name == "location"}
    static = locations[(settings.STATIC_URL,)]
    assert (
        directives(static.children, "alias")[0]
        .args[0]
        .endswith("/" + Path(settings.STATIC_ROOT).name + "/")
    )
    media = locations[(settings.MEDIA_URL,)]
    assert directives(media.children, "return")[0].args == ["404"]
    assert all(d.name != "autoindex" for d in walk(nginx))
