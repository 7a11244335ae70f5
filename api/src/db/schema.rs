//! One schema for both backends, written with types both understand (see the migrations).

diesel::table! {
    teams (key) {
        key -> Text,
        name -> Text,
        email -> Nullable<Text>,
        active -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    message_types (key) {
        key -> Text,
        label -> Text,
        team_key -> Text,
        position -> Integer,
        active -> Bool,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    accounts (id) {
        id -> Text,
        email -> Text,
        forename -> Text,
        surname -> Text,
        password_hash -> Text,
        role -> Text,
        email_verified_at -> Nullable<Timestamp>,
        failed_attempts -> Integer,
        locked_until -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        account_id -> Text,
        family_id -> Text,
        refresh_token_hash -> Text,
        created_at -> Timestamp,
        last_active_at -> Timestamp,
        expires_at -> Timestamp,
        rotated_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    one_time_codes (id) {
        id -> Text,
        account_id -> Text,
        purpose -> Text,
        email -> Text,
        code_hash -> Text,
        attempts -> Integer,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        consumed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_outbox (id) {
        id -> Text,
        to_address -> Text,
        template -> Text,
        subject -> Text,
        text_body -> Text,
        html_body -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        claimed_by -> Nullable<Text>,
    }
}

diesel::table! {
    throttles (key) {
        key -> Text,
        count -> Integer,
        window_started_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    spent_bot_checks (signature) {
        signature -> Text,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    data_loads (name) {
        name -> Text,
        loaded_at -> Timestamp,
    }
}

diesel::table! {
    drafts (id) {
        id -> Text,
        account_id -> Text,
        form_id -> Text,
        form_version -> Integer,
        version -> Integer,
        answers -> Text,
        page_id -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        expires_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    submissions (id) {
        id -> Text,
        reference -> Text,
        account_id -> Text,
        form_id -> Text,
        form_version -> Integer,
        form_title -> Text,
        answers -> Text,
        summary -> Text,
        status -> Text,
        submitted_at -> Timestamp,
        status_changed_at -> Timestamp,
        idempotency_key -> Text,
        request_hash -> Text,
    }
}

diesel::table! {
    uploads (id) {
        id -> Text,
        account_id -> Text,
        submission_id -> Nullable<Text>,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
        created_at -> Timestamp,
        last_used_at -> Timestamp,
    }
}

diesel::joinable!(uploads -> accounts (account_id));
diesel::joinable!(uploads -> submissions (submission_id));
diesel::joinable!(drafts -> accounts (account_id));
diesel::joinable!(submissions -> accounts (account_id));
diesel::joinable!(message_types -> teams (team_key));
diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(one_time_codes -> accounts (account_id));

diesel::allow_tables_to_appear_in_same_query!(
    teams,
    message_types,
    accounts,
    sessions,
    one_time_codes,
    email_outbox,
    data_loads,
    throttles,
    spent_bot_checks,
    drafts,
    submissions,
    uploads,
);
