//! A real SMTP server on loopback (mailin-embedded) that keeps what it receives.

use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mailin_embedded::response::{OK, Response};
use mailin_embedded::{Handler, Server, SslConfig};

#[derive(Debug, Clone)]
pub struct ReceivedEmail {
    pub to: Vec<String>,
    pub raw: String,
}

impl ReceivedEmail {
    /// The 6-digit code in the email, as the email shows it ("123 456").
    pub fn code(&self) -> String {
        let text = self.raw.replace("=\r\n", "");
        let bytes = text.as_bytes();
        (0..bytes.len().saturating_sub(7))
            .find_map(|i| {
                let window = &text[i..i + 7];
                let shape = window
                    .char_indices()
                    .all(|(j, c)| if j == 3 { c == ' ' } else { c.is_ascii_digit() });
                let bounded = i == 0 || !bytes[i - 1].is_ascii_digit();
                (shape && bounded && bytes.get(i + 7).is_none_or(|b| !b.is_ascii_digit()))
                    .then(|| window.to_owned())
            })
            .unwrap_or_else(|| panic!("the email has a code: {}", self.raw))
    }
}

#[derive(Clone, Default)]
struct Collector {
    to: Vec<String>,
    data: Vec<u8>,
    received: Arc<Mutex<Vec<ReceivedEmail>>>,
}

impl Handler for Collector {
    fn data_start(&mut self, _domain: &str, _from: &str, _is8bit: bool, to: &[String]) -> Response {
        self.to = to.to_vec();
        self.data.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        self.received.lock().unwrap().push(ReceivedEmail {
            to: std::mem::take(&mut self.to),
            raw: String::from_utf8_lossy(&self.data).into_owned(),
        });
        OK
    }
}

pub struct Mailbox {
    pub port: u16,
    received: Arc<Mutex<Vec<ReceivedEmail>>>,
}

impl Mailbox {
    pub fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let collector = Collector::default();
        let received = collector.received.clone();
        let mut server = Server::new(collector);
        server
            .with_name("mail.test")
            // More than the portal's connections to it, which it keeps open between emails.
            .with_num_threads(8)
            .with_ssl(SslConfig::None)
            .unwrap()
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            let _ = server.serve();
        });
        Self { port, received }
    }

    /// Every email received so far, in the order they arrived.
    pub fn arrived(&self) -> Vec<ReceivedEmail> {
        self.received.lock().unwrap().clone()
    }

    /// Emails sent to `to` so far.
    pub fn to(&self, to: &str) -> Vec<ReceivedEmail> {
        self.received
            .lock()
            .unwrap()
            .iter()
            .filter(|e| e.to.iter().any(|t| t.eq_ignore_ascii_case(to)))
            .cloned()
            .collect()
    }

    /// Waits for an email to `to`, after the first `skip`, whose text contains `needle`.
    pub async fn next_containing(&self, to: &str, skip: usize, needle: &str) -> ReceivedEmail {
        for _ in 0..100 {
            if let Some(email) = self
                .to(to)
                .into_iter()
                .skip(skip)
                .find(|e| e.raw.contains(needle))
            {
                return email;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no email to {to} containing {needle:?} within 10 seconds");
    }

    /// Waits for the `n`th email (counting from 1) to `to`.
    pub async fn nth(&self, to: &str, n: usize) -> ReceivedEmail {
        for _ in 0..100 {
            if let Some(email) = self.to(to).get(n - 1) {
                return email.clone();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no email number {n} to {to} within 10 seconds");
    }
}
