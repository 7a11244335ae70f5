//! Request and response bodies of the JSON API under `/api/v1`.

mod accounts;
mod citizen;
mod council;
mod field_messages;
mod formats;
mod forms;
mod health;
mod ids;
mod integrations;
mod items;
mod names;
mod operations;
mod page;
mod problem;
mod referrals;
mod staff;
mod words;

pub use accounts::{
    AccountView, BotCheckChallenge, BotCheckSolution, ChangeEmailRequest, ChangeNameRequest,
    ChangePasswordRequest, ChooseLanguageRequest, CodeSent, ConfirmEmailChangeRequest,
    CreateStaffRequest, PasswordResetCompletion, PasswordResetRequest, RegistrationRequest,
    ResendCodeRequest, Role, SessionCreated, SignInRequest, VerifyCodeRequest, validate_code,
    validate_code_in, validate_email, validate_email_in, validate_names, validate_names_in,
    validate_new_password, validate_new_password_in,
};
pub use citizen::{
    AddressView, CreateInvolvementRequest, CreateLinkRequest, CreatePersonRequest, Dashboard,
    DocumentPage, DocumentSummary, InvolvementPage, InvolvementView, LegalBasis, MAX_SUBJECT,
    MessagePage, MessageSummary, MessageView, NewMessageRequest, PersonDetails, PersonSummary,
    RecordReader, Relationship, ReplyRequest, Sender, ThreadView, validate_body, validate_body_in,
};
pub use council::{
    CouncilView, InformationLinksView, MessageTypeView, PhoneNumberView, PhoneNumbersView,
    PostcodeCoverage, in_language,
};
pub use formats::{
    DocumentFormat, FormatAnswer, FormatRequestCreate, FormatRequestPage, FormatRequestView,
};
pub use forms::FormSummary;
pub use health::{
    CouncilReadiness, DatabaseBackend, DatabaseHealth, DatabaseReadiness, Health, HealthStatus,
    Liveness, MailTransport, OutboxHealth, Readiness,
};
pub use ids::{
    AccountId, BadId, ClientId, DeliveryId, DocumentId, DraftId, EmailId, FormId, InvitationId,
    ItemId, LinkId, PersonId, SubmissionId, TeamKey, ThreadId, UploadId, WebhookId, is_key,
    is_slug,
};
pub use integrations::{
    ApiClientView, ClientWithSecret, CreateClientRequest, CreateWebhookRequest, DeliveryPage,
    DeliveryView, FeedEntry, FeedPage, TokenResponse, WEBHOOK_EVENTS, WebhookView,
    WebhookWithSecret, scopes,
};
pub use items::{
    ItemPage, ItemStatus, ItemSubmission, ItemSummary, ItemView, SaveItemRequest, SendItemRequest,
    SubmitItemRequest,
};
pub use names::full_name;
pub use operations::{
    DeliveryQueueView, EmailQueueView, FailedDeliveryPage, FailedDeliveryView, FailedEmailPage,
    FailedEmailView, OperationsView,
};
pub use page::Page;
pub use problem::{FieldErrors, Problem};
pub use referrals::{
    CreateDraftRequest, CreateSubmissionRequest, DraftPage, DraftSummary, DraftView,
    FormStartRequest, SubmissionPage, SubmissionStatus, SubmissionSummary, SubmissionView,
    UpdateDraftRequest, UploadView,
};
pub use staff::{
    AnsweredView, AuditEntry, AuditPage, FirstResponse, FormCount, FormUse, ImportReport,
    ImportedRow, InvitationView, LinkPersonRequest, LinkView, MatchReason, Overview, PageTitle,
    PersonCandidate, PersonMatch, PersonMatchPage, QueueEntry, QueuePage, QueuePerson, QueueSort,
    RecordView, RecordViewPage, ReferredPerson, SetTeamsRequest, StaffDocument, StaffInvitation,
    StaffMember, StaffPersonView, StaffRef, StaffSubmissionView, StaffThreadView,
    SubmissionChangeRequest, SubmissionEvent, TeamQueueSummary, TeamRef, TeamThreadPage,
    TeamThreadSummary, TeamWork, WeekReceived,
};
pub(crate) use words::stored_as_word;
pub use words::{OptionalWord, UnknownWord};
