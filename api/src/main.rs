use clap::Parser;

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    api::cli::Cli::parse().run().await
}
