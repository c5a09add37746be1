"""Seed a fresh django-helpdesk database with the same data every time.

Run by up.sh after `migrate`, with DJANGO_SETTINGS_MODULE set and the project on PYTHONPATH:

    python seed.py TOKENS_JSON

Tickets and follow-ups go through helpdesk's own code paths (TicketForm, update_ticket), as
the web UI and the API would, so follow-up titles, status-change records and resolutions are
what the real application writes. Timestamps are then pinned to fixed instants so that ids,
dates and ordering are the same on every machine; only the DRF tokens are random.
"""

import datetime as dt
import json
import sys
import uuid

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import transaction  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from helpdesk.forms import TicketForm  # noqa: E402
from helpdesk.models import FollowUp, Queue, Ticket  # noqa: E402
from helpdesk.update_ticket import update_ticket  # noqa: E402

User = get_user_model()
UTC = dt.timezone.utc
# Ticket n is created at BASE + n days (+ n hours); its follow-ups follow it by hours.
BASE = dt.datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
SECRET_NS = uuid.UUID("5b0e9a9e-7a53-4c5e-9a53-70697368686b")

OPEN, REOPENED, RESOLVED, CLOSED = 1, 2, 3, 4

USERS = [
    # username, password, email, first, last, is_staff, is_superuser
    ("admin", "admin-pass-1", "admin@example.test", "مدیر", "سامانه", True, True),
    ("agent", "agent-pass-1", "agent@example.test", "سارا", "احمدی", True, False),
    ("agent2", "agent2-pass-1", "agent2@example.test", "رضا", "کریمی", True, False),
    ("customer", "customer-pass-1", "customer@example.test", "مریم", "حسینی", False, False),
]

QUEUES = [
    # slug, title, email
    ("tech", "فنی", "tech@example.test"),
    ("billing", "مالی", "billing@example.test"),
    ("general", "عمومی", "general@example.test"),
]

CUSTOMER = "customer@example.test"

# Each ticket: queue slug, priority, submitter, assignee (username or None), title, body,
# then a list of steps run through update_ticket, in order:
#   (actor, comment, public, new_status, attachment (filename, bytes) or None)
TICKETS = [
    (
        "tech", 2, CUSTOMER, "agent",
        "ورود به حساب کاربری ممکن نیست",
        "از دیروز هر بار که رمز عبورم را وارد می‌کنم پیام «رمز نادرست است» می‌آید، "
        "در حالی که رمز را عوض نکرده‌ام.",
        [
            ("agent", "سلام، لطفاً یک بار رمز را از طریق «فراموشی رمز» بازنشانی کنید.", True, None, None),
            ("customer", "بازنشانی کردم ولی باز هم همان پیام را می‌بینم.", True, None, None),
            ("agent", "یادداشت داخلی: احتمالاً حساب به خاطر تلاش‌های ناموفق قفل شده است.", False, None, None),
        ],
    ),
    (
        "billing", 3, CUSTOMER, "agent2",
        "صورتحساب آبان دو بار کسر شده است",
        "مبلغ اشتراک ماه آبان دو بار از کارت من برداشت شده. لطفاً یکی را برگردانید.",
        [
            ("agent2", "بررسی کردیم؛ مبلغ اضافه ظرف سه روز کاری برگشت داده می‌شود.", True, RESOLVED, None),
        ],
    ),
    (
        "tech", 1, "ali.rezaei@example.test", "agent",
        "سرور ایمیل از دسترس خارج شده است",
        "هیچ‌کدام از کارکنان از صبح نمی‌توانند ایمیل بفرستند یا دریافت کنند.",
        [
            ("agent", "در حال بررسی هستیم. گزارش خطای سرور پیوست شد.", True, None,
             ("گزارش-خطا.txt", "خطای اتصال SMTP: زمان انتظار به پایان رسید\nSMTP timeout at 09:12\n".encode())),
            ("agent", "یادداشت داخلی: گواهی TLS سرور منقضی شده بود؛ تمدید شد.", False, None, None),
            ("agent", "مشکل برطرف شد. لطفاً دوباره امتحان کنید.", True, RESOLVED, None),
            ("agent", "کاربر تأیید کرد؛ تیکت بسته شد.", True, CLOSED, None),
        ],
    ),
    (
        "general", 4, CUSTOMER, None,
        "پیشنهاد: حالت تاریک برای پنل",
        "خیلی خوب می‌شد اگر پنل کاربری حالت تاریک هم داشت.",
        [],
    ),
    (
        "tech", 3, "neda.moradi@example.test", "agent2",
        "خطای ۵۰۰ هنگام بارگذاری فایل",
        "وقتی فایل PDF بزرگ‌تر از ۱۰ مگابایت را بارگذاری می‌کنم خطای ۵۰۰ می‌گیرم.",
        [
            ("agent2", "محدودیت حجم بارگذاری ۸ مگابایت است؛ لطفاً فایل را فشرده کنید.", True, RESOLVED, None),
            ("agent2", "مشتری گفت با فایل فشرده هم خطا می‌دهد؛ تیکت دوباره باز شد.", True, REOPENED, None),
        ],
    ),
    (
        "billing", 5, "hamid.jafari@example.test", None,
        "درخواست فاکتور رسمی",
        "لطفاً برای خرید اشتراک سالانه یک فاکتور رسمی با کد اقتصادی شرکت صادر کنید.",
        [],
    ),
    (
        "general", 3, CUSTOMER, "agent",
        "تغییر نشانی ایمیل حساب",
        "می‌خواهم نشانی ایمیل حسابم را به نشانی کاری‌ام تغییر دهم.",
        [
            ("agent", "نشانی تغییر کرد. لطفاً پیام تأیید را در صندوق جدید ببینید.", True, RESOLVED, None),
            ("agent", "بدون پاسخ مشتری بسته شد.", False, CLOSED, None),
        ],
    ),
    (
        "tech", 2, "sara.kamali@example.test", "agent",
        "کندی شدید داشبورد گزارش‌ها",
        "بارگذاری داشبورد گزارش‌ها بیش از یک دقیقه طول می‌کشد.",
        [
            ("agent", "یادداشت داخلی: کوئری گزارش ماهانه ایندکس ندارد.", False, None, None),
        ],
    ),
    (
        "billing", 4, CUSTOMER, "agent2",
        "تمدید خودکار اشتراک را لغو کنید",
        "دیگر نمی‌خواهم اشتراکم خودکار تمدید شود.",
        [
            ("agent2", "تمدید خودکار غیرفعال شد.", True, CLOSED, None),
        ],
    ),
    (
        "tech", 5, "omid.sadeghi@example.test", None,
        "غلط املایی در صفحه راهنما",
        "در صفحه راهنمای نصب، کلمه «پیکربندی» اشتباه نوشته شده است.",
        [],
    ),
    (
        "general", 1, "support-lead@example.test", "agent2",
        "قطعی کامل سرویس در منطقه شمال",
        "مشتریان منطقه شمال از ساعت ۸ صبح به هیچ سرویسی دسترسی ندارند.",
        [
            ("agent2", "تیم شبکه در جریان است؛ به‌روزرسانی بعدی تا یک ساعت دیگر.", True, None, None),
        ],
    ),
    (
        "billing", 3, CUSTOMER, None,
        "پرسش درباره تخفیف سازمانی",
        "آیا برای خرید بیش از ۲۰ مجوز تخفیف سازمانی دارید؟",
        [
            ("customer", "تعداد دقیق ۲۵ مجوز است.", True, None, None),
        ],
    ),
]


def main(tokens_path):
    if Ticket.objects.exists() or User.objects.exists():
        sys.exit("seed.py: the database is not empty; up.sh seeds only a fresh one")

    users = {}
    for username, password, email, first, last, staff, superuser in USERS:
        user = User(username=username, email=email, first_name=first, last_name=last,
                    is_staff=staff, is_superuser=superuser, is_active=True)
        user.set_password(password)
        user.save()
        users[username] = user

    queues = {}
    for slug, title, email in QUEUES:
        queues[slug] = Queue.objects.create(
            slug=slug, title=title, email_address=email, allow_public_submission=True
        )
    queue_choices = [(q.id, q.title) for q in queues.values()]

    for n, (slug, priority, submitter, assignee, title, body, steps) in enumerate(TICKETS, 1):
        form = TicketForm(
            data={
                "queue": queues[slug].id,
                "title": title,
                "body": body,
                "priority": priority,
                "submitter_email": submitter,
                "assigned_to": users[assignee].id if assignee else "",
            },
            queue_choices=queue_choices,
        )
        if not form.is_valid():
            sys.exit(f"seed.py: ticket {n} invalid: {form.errors.as_json()}")
        ticket = form.save(user=users["agent"])
        # A fixed secret key (it names the attachment folder) so media paths are stable.
        Ticket.objects.filter(pk=ticket.pk).update(secret_key=str(uuid.uuid5(SECRET_NS, str(n))))
        ticket.refresh_from_db()

        for actor, comment, public, new_status, attachment in steps:
            files = None
            if attachment:
                name, data = attachment
                files = [SimpleUploadedFile(name, data, content_type="text/plain")]
            update_ticket(user=users[actor], ticket=ticket, comment=comment, public=public,
                          new_status=new_status, files=files)
            ticket.refresh_from_db()

        created = BASE + dt.timedelta(days=n, hours=n % 5)
        followups = list(FollowUp.objects.filter(ticket=ticket).order_by("id"))
        for k, followup in enumerate(followups):
            FollowUp.objects.filter(pk=followup.pk).update(
                date=created + dt.timedelta(hours=3 * k, minutes=7 * k)
            )
        last = created + dt.timedelta(hours=3 * (len(followups) - 1), minutes=7 * (len(followups) - 1))
        Ticket.objects.filter(pk=ticket.pk).update(created=created, modified=last)

    tokens = {}
    for username in ("agent", "customer"):
        tokens[username] = Token.objects.create(user=users[username]).key
    with open(tokens_path, "w") as f:
        json.dump(tokens, f, indent=2)
        f.write("\n")

    print(f"seed.py: {User.objects.count()} users, {Queue.objects.count()} queues, "
          f"{Ticket.objects.count()} tickets, {FollowUp.objects.count()} follow-ups", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with transaction.atomic():
        main(sys.argv[1])
