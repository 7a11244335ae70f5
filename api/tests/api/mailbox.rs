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
    /// The subject and the plain-text body, decoded as a mail program shows them.
    pub fn text(&self) -> String {
        let message = mail_parser::MessageParser::default()
            .parse(self.raw.as_bytes())
            .unwrap_or_else(|| panic!("a MIME message: {}", self.raw));
        format!(
            "{}\n\n{}",
            message.subject().unwrap_or_default(),
            message.body_text(0).unwrap_or_default()
        )
    }

    /// The 6-digit code in the email, as the email shows it ("123 456").
    pub fn code(&self) -> String {
        let text: Vec<char> = self.text().chars().collect();
        let digit = |i: usize| text.get(i).is_some_and(char::is_ascii_digit);
        (0..text.len().saturating_sub(6))
            .find(|&i| {
                let shape = (0..7).all(|j| {
                    if j == 3 {
                        text[i + j] == ' '
                    } else {
                        digit(i + j)
                    }
                });
                shape && (i == 0 || !digit(i - 1)) && !digit(i + 7)
            })
            .map(|i| text[i..i + 7].iter().collect())
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
                .find(|e| e.text().contains(needle))
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
