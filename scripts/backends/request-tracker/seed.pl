#!/usr/bin/perl
# Deterministic, idempotent seed for the Pishkhan test instance of Request Tracker 5.
#
# Run by up.sh as:  STATE_DIR=... perl -I/usr/share/request-tracker5/lib seed.pl
#
# Creates (only what is missing): a queue «پشتیبانی فنی», two privileged agents in a
# user-defined group "Agents" holding the ticket rights, two unprivileged requestors, ten tickets
# with Persian subjects/bodies across statuses new/open/stalled/resolved and priorities 0/50/100,
# replies, internal comments and attachments. Seeded tickets are found again by Subject, so a
# rerun creates nothing new. Their timestamps are rewritten to fixed dates (March 2025, around
# Nowruz 1404) so that ordering and dates are reproducible.
#
# Languages: agent and customer@ keep RT's default (English messages); agent2 and ali.mohammadi@
# have Lang fa, so RT localises their messages and lifecycle labels -- and, in RT 5.0.3, breaks the
# response of POST /ticket/N/correspond|comment for them (see tests/fixtures/request-tracker/README.md).
#
# Writes $STATE_DIR/tokens.json (users, test passwords, REST2 auth tokens; tokens are reused
# while they still authenticate) and $STATE_DIR/seed.json (ids of everything seeded).
use strict;
use warnings;
use utf8;

use lib '/usr/local/share/request-tracker5/lib';
use lib '/usr/share/request-tracker5/lib';

use Encode qw(encode);
use JSON ();
use MIME::Base64 qw(decode_base64);
use MIME::Entity;
use POSIX qw(strftime);

use RT;
RT::LoadConfig();
RT::Init();

my $STATE_DIR = $ENV{STATE_DIR} or die "STATE_DIR is not set\n";
my $BASE_URL  = $ENV{RT_BASE_URL} // '';
my %PASSWORD  = (
    root     => $ENV{RT_ROOT_PASSWORD}     // 'pishkhan-root',
    agent    => $ENV{RT_AGENT_PASSWORD}    // 'pishkhan-agent',
    agent2   => $ENV{RT_AGENT_PASSWORD}    // 'pishkhan-agent',
    customer => $ENV{RT_CUSTOMER_PASSWORD} // 'pishkhan-customer',
    customer2 => $ENV{RT_CUSTOMER_PASSWORD} // 'pishkhan-customer',
);
my $TOKEN_DESCRIPTION = 'pishkhan tests';
my $SYS = RT->SystemUser;

binmode STDOUT, ':encoding(UTF-8)';
binmode STDERR, ':encoding(UTF-8)';
sub say_ { print @_, "\n" }
sub ok_or_die {
    my ($what, $ok, $msg) = @_;
    die "$what: " . ($msg // 'failed') . "\n" unless $ok;
    return $ok;
}

# ------------------------------------------------------------------------------------------------
# users
# ------------------------------------------------------------------------------------------------
sub ensure_user {
    my (%a) = @_;
    my $u = RT::User->new($SYS);
    $u->Load($a{Name});
    if (!$u->id) {
        my ($id, $msg) = $u->Create(
            Name         => $a{Name},
            EmailAddress => $a{EmailAddress},
            RealName     => $a{RealName},
            Privileged   => $a{Privileged} ? 1 : 0,
            ($a{Lang} ? (Lang => $a{Lang}) : ()),
        );
        ok_or_die("create user $a{Name}", $id, $msg);
        say_("created user $a{Name} (#$id)");
    }
    $u->SetLang($a{Lang} // '') if ($u->Lang // '') ne ($a{Lang} // '');
    $u->SetPrivileged($a{Privileged} ? 1 : 0) if ($u->Privileged ? 1 : 0) != ($a{Privileged} ? 1 : 0);
    if (defined $a{Password} && !$u->IsPassword($a{Password})) {
        my ($ok, $msg) = $u->SetPassword($a{Password});
        ok_or_die("set password of $a{Name}", $ok, $msg);
    }
    return $u;
}

my $root = RT::User->new($SYS);
$root->Load('root');
die "no root user: is the database initialised?\n" unless $root->id;
$root->SetPassword($PASSWORD{root}) unless $root->IsPassword($PASSWORD{root});

my $agent = ensure_user(
    Name => 'agent', EmailAddress => 'agent@example.ir', RealName => 'نگار احمدی',
    Privileged => 1, Password => $PASSWORD{agent},
);
my $agent2 = ensure_user(
    Name => 'agent2', EmailAddress => 'agent2@example.ir', RealName => 'رضا کریمی',
    Privileged => 1, Password => $PASSWORD{agent2}, Lang => 'fa',
);
my $customer = ensure_user(
    Name => 'customer@example.ir', EmailAddress => 'customer@example.ir', RealName => 'مریم رضایی',
    Privileged => 0, Password => $PASSWORD{customer},
);
my $customer2 = ensure_user(
    Name => 'ali.mohammadi@example.ir', EmailAddress => 'ali.mohammadi@example.ir',
    RealName => 'علی محمدی', Privileged => 0, Password => $PASSWORD{customer2}, Lang => 'fa',
);

# ------------------------------------------------------------------------------------------------
# queue
# ------------------------------------------------------------------------------------------------
my $queue = RT::Queue->new($SYS);
$queue->Load('پشتیبانی فنی');
if (!$queue->id) {
    my ($id, $msg) = $queue->Create(
        Name              => 'پشتیبانی فنی',
        Description       => 'Support — صف پشتیبانی فنی',
        CorrespondAddress => 'support@example.ir',
        CommentAddress    => 'support-comment@example.ir',
    );
    ok_or_die('create queue', $id, $msg);
    say_("created queue #$id");
}
my $general = RT::Queue->new($SYS);
$general->Load('General');
die "no General queue\n" unless $general->id;

# ------------------------------------------------------------------------------------------------
# group "Agents" and rights
# ------------------------------------------------------------------------------------------------
my $group = RT::Group->new($SYS);
$group->LoadUserDefinedGroup('Agents');
if (!$group->id) {
    my ($id, $msg) = $group->CreateUserDefinedGroup(
        Name => 'Agents', Description => 'کارشناسان پشتیبانی (Pishkhan test agents)',
    );
    ok_or_die('create group Agents', $id, $msg);
    say_("created group Agents (#$id)");
}
for my $u ($agent, $agent2) {
    next if $group->HasMember($u->PrincipalObj);
    my ($ok, $msg) = $group->AddMember($u->PrincipalId);
    ok_or_die('add ' . $u->Name . ' to Agents', $ok, $msg);
}

sub grant {
    my ($principal, $object, @rights) = @_;
    for my $right (@rights) {
        next if $principal->HasRight(Right => $right, Object => $object, EquivObjects => []);
        my ($ok, $msg) = $principal->GrantRight(Right => $right, Object => $object);
        # "That principal already has that right" is fine
        die "grant $right: $msg\n" unless $ok or ($msg // '') =~ /already/i;
    }
}

# Agents: everything an agent UI needs on every queue (granted globally).
grant($group->PrincipalObj, RT->System, qw(
    SeeQueue ShowTicket CreateTicket ReplyToTicket CommentOnTicket ShowTicketComments
    OwnTicket TakeTicket StealTicket ModifyTicket DeleteTicket Watch WatchAsAdminCc ShowOutgoingEmail
    SeeCustomField ModifyCustomField SetInitialCustomField
    ManageAuthTokens ModifySelf
));
# Agents may see their own group (not administer its membership).
grant($group->PrincipalObj, $group, qw(SeeGroup));

# Customers: may create tickets in the support queue and see/reply to their own tickets.
my $everyone = RT::Group->new($SYS);
$everyone->LoadSystemInternalGroup('Everyone');
grant($everyone->PrincipalObj, $_, qw(CreateTicket SeeQueue)) for $queue, $general;
my $requestors = RT::Group->new($SYS);
$requestors->LoadRoleGroup(Object => RT->System, Name => 'Requestor');
die "no global Requestor role group\n" unless $requestors->id;
grant($requestors->PrincipalObj, RT->System, qw(ShowTicket ReplyToTicket));

# ------------------------------------------------------------------------------------------------
# tickets
# ------------------------------------------------------------------------------------------------
my %CU = map { $_->Name => do { my $c = RT::CurrentUser->new; $c->Load($_->id); $c } }
    ($agent, $agent2, $customer, $customer2);

# a 1x1 transparent PNG
my $PNG = decode_base64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');

sub mime {
    my (%a) = @_;
    my $m = MIME::Entity->build(
        Type => 'multipart/mixed',
        'X-RT-Interface' => 'API',
        (defined $a{Subject} ? (Subject => encode('UTF-8', $a{Subject})) : ()),
    );
    $m->attach(
        Type    => $a{Type} // 'text/plain',
        Charset => 'UTF-8',
        Data    => [ encode('UTF-8', $a{Body}) ],
    );
    for my $f (@{ $a{Files} // [] }) {
        $m->attach(
            Type     => $f->{Type},
            Filename => encode('UTF-8', $f->{Name}),
            Data     => [ $f->{Data} ],
            Encoding => 'base64',
            Disposition => 'attachment',
        );
    }
    return $m;
}

# Each ticket: key, queue, requestor, subject, body, priority, owner, final status, steps.
# Steps run in order as the given actor: [reply|comment, actor, body, opts].
my @TICKETS = (
    {
        key => 'login', requestor => 'customer@example.ir', priority => 100, owner => 'agent',
        status => 'open',
        subject => 'مشکل ورود به پنل کاربری',
        body => "سلام،\nاز دیروز نمی‌توانم وارد پنل کاربری شوم. بعد از وارد کردن رمز عبور، صفحه دوباره به فرم ورود برمی‌گردد.\nمرورگر: فایرفاکس ۱۲۵\nممنون می‌شوم راهنمایی کنید.",
        steps => [
            [ reply => 'agent', "سلام خانم رضایی،\nلطفاً حافظهٔ نهان (کش) مرورگر و کوکی‌ها را پاک کنید و دوباره امتحان کنید.\nاگر مشکل ادامه داشت، زمان دقیق تلاش برای ورود را بفرمایید." ],
            [ reply => 'customer@example.ir', "کش را پاک کردم ولی هنوز همان مشکل هست. آخرین تلاش ساعت ۱۰:۱۵ صبح بود." ],
            [ comment => 'agent', "در لاگ‌های سرور خطای انقضای نشست (session) دیده می‌شود. احتمالاً مربوط به تغییر تنظیمات کوکی در نسخهٔ جدید است. به تیم فنی ارجاع شد." ],
            [ reply => 'agent', "<p>سلام،</p><p>مشکل شناسایی شد و <strong>تا پایان امروز</strong> برطرف می‌شود. از صبر شما سپاسگزاریم.</p>", { Type => 'text/html' } ],
        ],
    },
    {
        key => 'refund', requestor => 'customer@example.ir', priority => 50, owner => undef,
        status => 'new',
        subject => 'درخواست بازگشت وجه سفارش ۱۲۳۴',
        body => "با سلام\nسفارش شمارهٔ ۱۲۳۴ را به اشتباه دو بار پرداخت کرده‌ام. لطفاً مبلغ پرداخت دوم (۲٬۵۰۰٬۰۰۰ ریال) را بازگردانید.\nشماره کارت: ****-****-****-۴۳۲۱",
        steps => [],
    },
    {
        key => 'payment', requestor => 'ali.mohammadi@example.ir', priority => 100, owner => 'agent2',
        status => 'stalled',
        subject => 'خطای ۵۰۰ هنگام پرداخت آنلاین',
        body => "هنگام پرداخت آنلاین با خطای 500 Internal Server Error مواجه می‌شوم. تصویر صفحه و گزارش خطا پیوست شده است.",
        files => [
            { Name => 'screenshot.png', Type => 'image/png', Data => $PNG },
            { Name => 'گزارش-خطا.txt', Type => 'text/plain', Data => encode('UTF-8', "زمان: ۱۴۰۳/۱۲/۲۵ ۱۴:۰۲\nکد خطا: 500\nدرگاه: شاپرک\n") },
        ],
        steps => [
            [ reply => 'agent2', "سلام آقای محمدی،\nپیوست‌ها دریافت شد. لطفاً شمارهٔ پیگیری تراکنش را هم ارسال کنید تا با بانک بررسی کنیم." ],
            [ comment => 'agent2', "منتظر شمارهٔ پیگیری از مشتری؛ وضعیت به «معلق» تغییر کرد." ],
        ],
    },
    {
        key => 'email-change', requestor => 'customer@example.ir', priority => 0, owner => 'agent',
        status => 'resolved',
        subject => 'تغییر آدرس ایمیل حساب',
        body => "لطفاً ایمیل حساب من را از maryam.old\@example.ir به customer\@example.ir تغییر دهید.",
        steps => [
            [ reply => 'agent', "آدرس ایمیل حساب شما به customer\@example.ir تغییر کرد. 🙏" ],
            [ reply => 'customer@example.ir', "خیلی ممنون، درست شد." ],
        ],
    },
    {
        key => 'dark-mode', requestor => 'ali.mohammadi@example.ir', priority => 0, owner => undef,
        status => 'new',
        subject => 'پیشنهاد: افزودن حالت تاریک',
        body => "پیشنهاد می‌کنم برای پنل کاربری «حالت تاریک» (Dark mode) اضافه شود؛ کار در شب خیلی راحت‌تر می‌شود.",
        steps => [],
    },
    {
        key => 'slow-reports', requestor => 'customer@example.ir', priority => 50, owner => 'agent2',
        status => 'open',
        subject => 'کندی بارگذاری صفحهٔ گزارش‌ها',
        body => "صفحهٔ گزارش‌های ماهانه بیش از ۳۰ ثانیه طول می‌کشد تا باز شود.",
        steps => [
            [ comment => 'agent2', "کوئری گزارش ماهانه ایندکس ندارد؛ با تیم پایگاه داده هماهنگ شد." ],
            [ reply => 'agent2', "سلام، مشکل کندی بررسی شد و در حال رفع آن هستیم. نتیجه را به شما اطلاع می‌دهیم." ],
        ],
    },
    {
        key => 'invoice', requestor => 'ali.mohammadi@example.ir', priority => 50, owner => 'agent',
        status => 'resolved',
        subject => 'فاکتور اسفند ماه دریافت نشد',
        body => "فاکتور رسمی اسفند ۱۴۰۳ هنوز به ایمیل من ارسال نشده است.",
        steps => [
            [ reply => 'agent', "فاکتور اسفند ۱۴۰۳ دوباره به ایمیل شما ارسال شد. لطفاً پوشهٔ هرزنامه را هم بررسی کنید." ],
        ],
    },
    {
        key => 'renewal', requestor => 'customer@example.ir', priority => 0, owner => 'agent2',
        status => 'stalled',
        subject => 'سؤال دربارهٔ تمدید اشتراک',
        body => "اشتراک سالانهٔ من تا دو هفتهٔ دیگر تمام می‌شود. آیا تمدید خودکار است؟",
        steps => [
            [ reply => 'agent2', "تمدید به‌صورت خودکار نیست. آیا مایلید پیش‌فاکتور تمدید برایتان صادر شود؟" ],
        ],
    },
    {
        key => 'api', queue => 'General', requestor => 'ali.mohammadi@example.ir', priority => 100,
        owner => undef, status => 'open',
        subject => 'خطا در اتصال به API نسخهٔ 2',
        body => "درخواست‌های GET /api/v2/orders پاسخ 401 Unauthorized می‌دهند، با اینکه توکن معتبر است.\n\ncurl -H 'Authorization: Bearer ...' https://api.example.ir/api/v2/orders",
        steps => [
            [ reply => 'ali.mohammadi@example.ir', "به‌روزرسانی: با توکن جدید هم همین خطا را می‌گیرم." ],
            [ comment => 'agent', "احتمالاً کلید امضای توکن‌ها بعد از استقرار دیروز عوض شده است." ],
        ],
    },
    {
        key => 'delete-account', requestor => 'ali.mohammadi@example.ir', priority => 100, owner => 'agent',
        status => 'new',
        subject => 'حذف حساب کاربری',
        body => "لطفاً حساب کاربری من و همهٔ داده‌های مرتبط را حذف کنید.",
        steps => [],
    },
);

my %seeded;            # key => ticket id
my %txns;              # key => { create => id, reply => [ids], comment => [ids] }
my $BASE_EPOCH = 1741588200;    # 2025-03-10T06:30:00Z
my $i = 0;
for my $spec (@TICKETS) {
    my $qobj = ($spec->{queue} // '') eq 'General' ? $general : $queue;
    my $existing = RT::Tickets->new($SYS);
    (my $quoted = $spec->{subject}) =~ s/(['\\])/\\$1/g;
    my ($ok_sql, $sql_msg) = $existing->FromSQL(sprintf "Queue = %d AND Subject = '%s'", $qobj->id, $quoted);
    ok_or_die("search for $spec->{key}", $ok_sql, $sql_msg);
    $existing->OrderBy(FIELD => 'id', ORDER => 'ASC');
    my $t = $existing->First;
    if ($t) {
        $seeded{ $spec->{key} } = $t->id;
    }
    else {
        my $requestor_cu = $CU{ $spec->{requestor} } or die "unknown requestor $spec->{requestor}\n";
        $t = RT::Ticket->new($requestor_cu);
        my ($id, $txn, $msg) = $t->Create(
            Queue     => $qobj->id,
            Subject   => $spec->{subject},
            Requestor => [ $spec->{requestor} ],
            Priority  => $spec->{priority},
            MIMEObj   => mime(Subject => $spec->{subject}, Body => $spec->{body}, Files => $spec->{files}),
        );
        ok_or_die("create ticket $spec->{key}", $id, $msg);
        $seeded{ $spec->{key} } = $id;
        say_("created ticket #$id ($spec->{key})");

        if (defined $spec->{owner}) {
            # the agent takes the ticket
            my $ts = RT::Ticket->new($CU{ $spec->{owner} });
            $ts->Load($id);
            my ($ok, $m) = $ts->SetOwner($spec->{owner});
            ok_or_die("owner of $spec->{key}", $ok, $m);
        }
        for my $step (@{ $spec->{steps} }) {
            my ($kind, $actor, $text, $opts) = @$step;
            my $ta = RT::Ticket->new($CU{$actor} // die "unknown actor $actor\n");
            $ta->Load($id);
            my $m = mime(Body => $text, Type => ($opts // {})->{Type});
            my ($ok, $tmsg) = $kind eq 'reply'
                ? $ta->Correspond(MIMEObj => $m)
                : $ta->Comment(MIMEObj => $m);
            ok_or_die("$kind on $spec->{key} as $actor", $ok, $tmsg);
        }
        my $ts = RT::Ticket->new($CU{ $spec->{owner} // 'agent' });
        $ts->Load($id);
        if ($ts->Status ne $spec->{status}) {
            my ($ok, $m) = $ts->SetStatus($spec->{status});
            ok_or_die("status of $spec->{key}", $ok, $m);
        }
        backdate($id, $BASE_EPOCH + $i * 11 * 3600);
    }
    my $tt = RT::Ticket->new($SYS);
    $tt->Load($seeded{ $spec->{key} });
    my $tx = $tt->Transactions;
    $tx->OrderBy(FIELD => 'id', ORDER => 'ASC');
    my %ids = (reply => [], comment => [], other => []);
    while (my $x = $tx->Next) {
        my $type = $x->Type;
        if    ($type eq 'Create')     { $ids{create} = $x->id }
        elsif ($type eq 'Correspond') { push @{ $ids{reply} }, $x->id }
        elsif ($type eq 'Comment')    { push @{ $ids{comment} }, $x->id }
        else                          { push @{ $ids{other} }, $x->id }
    }
    $txns{ $spec->{key} } = \%ids;
    $i++;
}

# Rewrite the timestamps of one ticket: each user action (reply, comment, owner or status change)
# happens 37 minutes after the previous one, starting at $start; what RT records alongside an
# action (watchers, outgoing mail records) shares its time.
sub backdate {
    my ($id, $start) = @_;
    my $dbh = $RT::Handle->dbh;
    my $iso = sub { strftime('%Y-%m-%d %H:%M:%S', gmtime($_[0])) };
    my $rows = $dbh->selectall_arrayref(
        "SELECT id, Type, NewValue FROM Transactions WHERE ObjectType = 'RT::Ticket' AND ObjectId = ? ORDER BY id",
        undef, $id);
    my %step = map { $_ => 1 } qw(Correspond Comment Set Take Give Steal Untake Status);
    my ($first, $last, $started, $told, $resolved) = ($start, $start);
    my $when = $start;
    my $n = 0;
    for my $row (@$rows) {
        my ($tid, $type, $new) = @$row;
        $when += 37 * 60 if $n++ && $step{$type};
        $dbh->do('UPDATE Transactions SET Created = ? WHERE id = ?', undef, $iso->($when), $tid);
        $dbh->do('UPDATE Attachments SET Created = ? WHERE TransactionId = ?', undef, $iso->($when), $tid);
        $started //= $when if ($type eq 'Status' && ($new // '') eq 'open') || $type eq 'Correspond';
        $told = $when if $type eq 'Correspond';
        $resolved = $when if $type eq 'Status' && ($new // '') eq 'resolved';
        $last = $when;
    }
    my ($cur_started, $cur_told, $cur_resolved) = $dbh->selectrow_array(
        'SELECT Started, Told, Resolved FROM Tickets WHERE id = ?', undef, $id);
    my $epoch0 = '1970-01-01 00:00:00';
    $dbh->do('UPDATE Tickets SET Created = ?, LastUpdated = ?, Started = ?, Told = ?, Resolved = ? WHERE id = ?',
        undef, $iso->($first), $iso->($last),
        (($cur_started // $epoch0) ne $epoch0 ? $iso->($started // $first) : $cur_started),
        (($cur_told // $epoch0) ne $epoch0 && $told ? $iso->($told) : $cur_told),
        (($cur_resolved // $epoch0) ne $epoch0 ? $iso->($resolved // $last) : $cur_resolved),
        $id);
    # Group memberships and role groups keep their real creation time; only what the UI shows moves.
}

# ------------------------------------------------------------------------------------------------
# tokens (reused while valid)
# ------------------------------------------------------------------------------------------------
my $tokens_path = "$STATE_DIR/tokens.json";
my $old = {};
if (-s $tokens_path) {
    open my $fh, '<:raw', $tokens_path or die "$tokens_path: $!\n";
    local $/;
    $old = eval { JSON::decode_json(<$fh>) } || {};
}
require RT::Authen::Token;
my %out = (base_url => $BASE_URL);
for my $u ($root, $agent, $agent2, $customer, $customer2) {
    my $key = $u->Name eq 'customer@example.ir' ? 'customer'
            : $u->Name eq 'ali.mohammadi@example.ir' ? 'customer2'
            : $u->Name;
    my $token;
    my $prev = ref $old->{$key} eq 'HASH' ? $old->{$key}{token} : undef;
    if ($prev) {
        my ($user_obj) = RT::Authen::Token->UserForAuthString($prev);
        $token = $prev if $user_obj && $user_obj->id == $u->id;
    }
    if (!$token) {
        # drop earlier tokens of ours, then make one
        my $list = RT::AuthTokens->new($SYS);
        $list->LimitOwner(VALUE => $u->id);
        while (my $t = $list->Next) {
            $t->Delete if ($t->Description // '') eq $TOKEN_DESCRIPTION;
        }
        my $at = RT::AuthToken->new($SYS);
        my ($id, $msg, $authstring) = $at->Create(Owner => $u->id, Description => $TOKEN_DESCRIPTION);
        ok_or_die('token for ' . $u->Name, $id, $msg);
        $token = $authstring;
        say_('created token for ' . $u->Name);
    }
    $out{$key} = {
        id         => $u->id + 0,
        name       => $u->Name,
        email      => $u->EmailAddress,
        privileged => $u->Privileged ? JSON::true : JSON::false,
        password   => $PASSWORD{$key},
        token      => $token,
    };
}

sub write_json {
    my ($path, $data) = @_;
    my $tmp = "$path.tmp";
    open my $fh, '>:raw', $tmp or die "$tmp: $!\n";
    print $fh JSON->new->utf8->pretty->canonical->encode($data);
    close $fh or die "$tmp: $!\n";
    rename $tmp, $path or die "rename $tmp: $!\n";
}
write_json($tokens_path, \%out);
chmod 0600, $tokens_path;

write_json("$STATE_DIR/seed.json", {
    queue   => { id => $queue->id + 0, name => $queue->Name },
    general => { id => $general->id + 0, name => $general->Name },
    group   => { id => $group->id + 0, name => $group->Name },
    users   => { map { $_->Name => $_->id + 0 } ($root, $agent, $agent2, $customer, $customer2) },
    tickets => { map { $_ => $seeded{$_} + 0 } keys %seeded },
    transactions => \%txns,
});
say_('seed complete: ' . scalar(keys %seeded) . ' tickets');
