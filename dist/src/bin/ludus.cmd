@echo off
rem Ludus launcher for Windows: runs lib\ludus.jar of this installation with a Java 17+ runtime.
rem Java: %JAVA_HOME%\bin\java.exe if JAVA_HOME is set, else java on PATH.
rem LUDUS_JAVA_OPTS adds JVM options. The first run writes a class-data-sharing archive to
rem %LOCALAPPDATA%\ludus (never inside the installation); later runs start faster with it.
rem LUDUS_CDS=0 turns it off. (A Java that does not match the archive ignores it: delete the
rem archive after changing JAVA_HOME to have it made again for the new Java.)
setlocal
set "LUDUS_HOME=%~dp0.."
set "LUDUS_JAR=%LUDUS_HOME%\lib\ludus.jar"
if not exist "%LUDUS_JAR%" goto nojar

if not defined JAVA_HOME goto javaonpath
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto havejava
echo ludus: JAVA_HOME is %JAVA_HOME%, but there is no %JAVA_HOME%\bin\java.exe. 1>&2
goto needjava

:javaonpath
set "JAVA_EXE=java"
where java >nul 2>nul
if errorlevel 1 goto nojava

:havejava
set "CDS_DIR=%LOCALAPPDATA%\ludus"
if not defined LOCALAPPDATA set "CDS_DIR=%USERPROFILE%\.cache\ludus"
set "CDS_ARCHIVE=%CDS_DIR%\ludus-cds.jsa"
set "CDS_OPTS="
if "%LUDUS_CDS%"=="0" goto run
if exist "%CDS_ARCHIVE%" (
  set "CDS_OPTS="-XX:SharedArchiveFile=%CDS_ARCHIVE%" -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  goto run
)
rem First run: check the Java version once.
"%JAVA_EXE%" -version 2>&1 | findstr /r /c:"version \"1[7-9]" /c:"version \"[2-9][0-9]" >nul
if errorlevel 1 goto oldjava
if not exist "%CDS_DIR%" mkdir "%CDS_DIR%" >nul 2>nul
if exist "%CDS_DIR%" set "CDS_OPTS="-XX:ArchiveClassesAtExit=%CDS_ARCHIVE%" -Xlog:cds=off -Xlog:cds+dynamic=off"

:run
"%JAVA_EXE%" -Xss16m %CDS_OPTS% -XX:+UseParallelGC %LUDUS_JAVA_OPTS% "-Xbootclasspath/a:%LUDUS_JAR%" -cp "%LUDUS_JAR%" dev.ludus.cli.Main %*
exit /b %ERRORLEVEL%

:nojar
echo ludus: %LUDUS_JAR% is missing; this installation is incomplete (unpack the archive again) 1>&2
exit /b 2

:nojava
echo ludus: cannot find java: JAVA_HOME is not set and there is no java on PATH. 1>&2
goto needjava

:oldjava
echo ludus: %JAVA_EXE% is older than Java 17. 1>&2

:needjava
echo Ludus needs Java 17 or newer. Install a JDK, for example Eclipse Temurin from https://adoptium.net, and put its bin directory on PATH, or set JAVA_HOME to it. 1>&2
exit /b 2
