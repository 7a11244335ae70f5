//! One schema for both backends, written with types both understand (see the migrations).

diesel::table! {
    teams (key) {
        key -> Text,
        name -> Text,
        email -> Nullable<Text>,
        active -> Bool,
        name_cy -> Nullable<Text>,
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
        language -> Text,
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
        registration -> Nullable<Text>,
    }
}

diesel::table! {
    council_versions (id) {
        id -> Text,
        version -> Text,
        text -> Text,
        applied_at -> Timestamp,
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
        priority -> Integer,
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
        person_id -> Nullable<Text>,
        team_key -> Nullable<Text>,
        due_on -> Nullable<Date>,
        assigned_to -> Nullable<Text>,
        feed_position -> Nullable<BigInt>,
        about_name -> Nullable<Text>,
        about_date_of_birth -> Nullable<Date>,
        about_postcode -> Nullable<Text>,
        first_status_at -> Nullable<Timestamp>,
        response_days -> Nullable<Integer>,
        language -> Text,
    }
}

diesel::table! {
    format_requests (id) {
        id -> Text,
        person_id -> Text,
        document_id -> Nullable<Text>,
        format -> Text,
        language -> Nullable<Text>,
        requested_by -> Text,
        requested_at -> Timestamp,
        thread_id -> Text,
        answered_by -> Nullable<Text>,
        answered_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    form_days (day, form_id) {
        day -> Date,
        form_id -> Text,
        drafts_started -> Integer,
        drafts_sent -> Integer,
    }
}

diesel::table! {
    webhooks (id) {
        id -> Text,
        url -> Text,
        events -> Text,
        secret -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        disabled_at -> Nullable<Timestamp>,
        previous_secret -> Nullable<Text>,
        previous_secret_until -> Nullable<Timestamp>,
        failing_since -> Nullable<Timestamp>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        webhook_id -> Text,
        event_type -> Text,
        payload -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_attempt_at -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_response -> Nullable<Text>,
        created_at -> Timestamp,
        replayed_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Text,
        name -> Text,
        scopes -> Text,
        secret_hash -> Text,
        created_by -> Text,
        created_at -> Timestamp,
        secret_set_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    team_members (team_key, account_id) {
        team_key -> Text,
        account_id -> Text,
        added_at -> Timestamp,
    }
}

diesel::table! {
    submission_events (id) {
        id -> Text,
        submission_id -> Text,
        actor_id -> Text,
        status -> Nullable<Text>,
        team_key -> Nullable<Text>,
        assigned_to -> Nullable<Text>,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    link_invitations (id) {
        id -> Text,
        person_id -> Text,
        email -> Text,
        relationship -> Text,
        legal_basis -> Nullable<Text>,
        ends_on -> Nullable<Date>,
        invited_by -> Text,
        invited_at -> Timestamp,
        expires_at -> Timestamp,
        answered_at -> Nullable<Timestamp>,
        accepted -> Nullable<Bool>,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Text,
        actor_id -> Text,
        action -> Text,
        subject_type -> Text,
        subject_id -> Text,
        person_id -> Nullable<Text>,
        at -> Timestamp,
        client_id -> Nullable<Text>,
    }
}

diesel::table! {
    form_requests (id) {
        id -> Text,
        person_id -> Text,
        form_id -> Text,
        team_key -> Text,
        note -> Nullable<Text>,
        due_on -> Date,
        sent_by -> Text,
        sent_at -> Timestamp,
        version -> Integer,
        answers -> Text,
        page_id -> Nullable<Text>,
        saved_at -> Nullable<Timestamp>,
        saved_by -> Nullable<Text>,
        submission_id -> Nullable<Text>,
        withdrawn_at -> Nullable<Timestamp>,
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

diesel::table! {
    people (id) {
        id -> Text,
        forename -> Text,
        surname -> Text,
        date_of_birth -> Nullable<Date>,
        address_line1 -> Nullable<Text>,
        address_line2 -> Nullable<Text>,
        town -> Nullable<Text>,
        postcode -> Nullable<Text>,
        email -> Nullable<Text>,
        home_phone -> Nullable<Text>,
        mobile_phone -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        council_reference -> Nullable<Text>,
        nhs_number -> Nullable<Text>,
    }
}

diesel::table! {
    person_names (word, person_id) {
        word -> Text,
        person_id -> Text,
    }
}

diesel::table! {
    person_links (id) {
        id -> Text,
        person_id -> Text,
        account_id -> Text,
        relationship -> Text,
        legal_basis -> Nullable<Text>,
        ends_on -> Nullable<Date>,
        created_at -> Timestamp,
        ended_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    involvements (id) {
        id -> Text,
        person_id -> Text,
        name -> Text,
        role -> Text,
        team -> Text,
        phone -> Nullable<Text>,
        email -> Nullable<Text>,
        since -> Date,
        ended_on -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    message_threads (id) {
        id -> Text,
        person_id -> Text,
        message_type_key -> Text,
        team_key -> Text,
        subject -> Text,
        started_by -> Text,
        created_at -> Timestamp,
        last_message_at -> Timestamp,
    }
}

diesel::table! {
    messages (id) {
        id -> Text,
        thread_id -> Text,
        sender -> Text,
        author_account_id -> Nullable<Text>,
        author_name -> Text,
        body -> Text,
        in_reply_to -> Nullable<Text>,
        created_at -> Timestamp,
        team_read_at -> Nullable<Timestamp>,
        person_id -> Nullable<Text>,
    }
}

diesel::table! {
    message_reads (message_id, account_id) {
        message_id -> Text,
        account_id -> Text,
        read_at -> Timestamp,
    }
}

diesel::table! {
    documents (id) {
        id -> Text,
        person_id -> Text,
        title -> Text,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        content -> Binary,
        published_by -> Text,
        published_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    document_opens (document_id, account_id) {
        document_id -> Text,
        account_id -> Text,
        first_opened_at -> Timestamp,
    }
}

diesel::joinable!(person_links -> people (person_id));
diesel::joinable!(person_links -> accounts (account_id));
diesel::joinable!(involvements -> people (person_id));
diesel::joinable!(message_threads -> people (person_id));
diesel::joinable!(message_threads -> message_types (message_type_key));
diesel::joinable!(messages -> message_threads (thread_id));
diesel::joinable!(message_reads -> messages (message_id));
diesel::joinable!(documents -> people (person_id));
diesel::joinable!(form_requests -> people (person_id));
diesel::joinable!(team_members -> teams (team_key));
diesel::table! {
    form_versions (form_id, version) {
        form_id -> Text,
        version -> Integer,
        definition -> Text,
        published_at -> Timestamp,
    }
}

diesel::joinable!(team_members -> accounts (account_id));
diesel::joinable!(submission_events -> submissions (submission_id));
diesel::joinable!(audit_events -> accounts (actor_id));
diesel::joinable!(audit_events -> api_clients (client_id));
diesel::joinable!(link_invitations -> people (person_id));
diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(message_threads -> teams (team_key));
diesel::joinable!(form_requests -> teams (team_key));
diesel::joinable!(form_requests -> submissions (submission_id));
diesel::joinable!(document_opens -> documents (document_id));

diesel::joinable!(uploads -> accounts (account_id));
diesel::joinable!(uploads -> submissions (submission_id));
diesel::joinable!(drafts -> accounts (account_id));
diesel::joinable!(submissions -> accounts (account_id));
diesel::joinable!(message_types -> teams (team_key));
diesel::joinable!(sessions -> accounts (account_id));
diesel::joinable!(one_time_codes -> accounts (account_id));

diesel::allow_tables_to_appear_in_same_query!(
    council_versions,
    form_days,
    format_requests,
    form_versions,
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
    people,
    person_links,
    person_names,
    involvements,
    message_threads,
    messages,
    message_reads,
    documents,
    document_opens,
    form_requests,
    team_members,
    submission_events,
    audit_events,
    link_invitations,
    api_clients,
    webhooks,
    webhook_deliveries,
);
