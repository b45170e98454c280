# One image for the api, scheduler and worker services; Platform__Roles picks what a container runs.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props InvestmentPlatform.sln ./
COPY contracts/ contracts/
COPY src/ src/
RUN dotnet publish src/InvestmentPlatform.Host -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 Logging__Json=true
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --retries=12 CMD curl -fs http://localhost:8080/api/health/live || exit 1
ENTRYPOINT ["dotnet", "InvestmentPlatform.Host.dll"]
