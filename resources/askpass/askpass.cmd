@echo off
:: Portal Writer's GIT_ASKPASS helper for Windows. git runs it with its prompt as the only argument
:: ("Username for 'https://host:port': " or "Password for 'https://user@host:port': ") and reads one line.
:: The answers come from environment variables the app sets on that one git process only, so the
:: token never appears on a command line, in a URL, in .git/config or in a log. It answers only for
:: the host (and port) the token was saved for (PORTAL_WRITER_ASKPASS_HOST): a redirect to another
:: server gets nothing (G3). With PORTAL_WRITER_ASKPASS_NODE set, the Node script answers instead.
setlocal DisableDelayedExpansion
if defined PORTAL_WRITER_ASKPASS_NODE (
  set ELECTRON_RUN_AS_NODE=1
  "%PORTAL_WRITER_ASKPASS_NODE%" "%~dp0askpass.cjs" %*
  exit /b %ERRORLEVEL%
)
set "prompt=%~1"
:: The URL between the quotes, without scheme, user and path: host or host:port.
set "url="
for /f "tokens=2 delims='" %%u in ("%prompt%") do set "url=%%u"
if not defined url exit /b 1
set "host=%url:*://=%"
set "host=%host:*@=%"
for /f "delims=/" %%h in ("%host%") do set "host=%%h"
:: Unknown or another host: fail, so git reports an authentication failure and sends nothing.
if not defined PORTAL_WRITER_ASKPASS_HOST exit /b 1
if /i not "%host%"=="%PORTAL_WRITER_ASKPASS_HOST%" exit /b 1
set "answer=%PORTAL_WRITER_ASKPASS_TOKEN%"
if /i "%prompt:~0,8%"=="Username" set "answer=%PORTAL_WRITER_ASKPASS_USERNAME%"
:: Nothing to answer: fail rather than try an empty password.
if not defined answer exit /b 1
:: Delayed expansion prints the token as it is, whatever characters it holds.
setlocal EnableDelayedExpansion
echo(!answer!
