<#
.SYNOPSIS
    Writes the synthetic Telegram Desktop export bundled in examples/sample-export (result.json + media).
.DESCRIPTION
    Every person, chat and file in it is invented. It is a whole-account export (chats.list and left_chats.list)
    covering every message kind the importer maps: plain and formatted text (string and mixed-array forms, every
    entity type), edits, replies, forwards, saved_from, via_bot and inline buttons, reactions, service messages,
    photos, documents, stickers, video, voice, audio, animations, round videos, polls, contacts, locations, live
    locations, venues, games, invoices, self-destructing media, missing-file placeholders, hostile file names on disk
    and hostile paths in the JSON (which the importer must refuse). Output is deterministic: re-running it rewrites
    the same bytes, so the committed sample is reproducible.
.EXAMPLE
    ./examples/New-SampleExport.ps1 -Destination ./examples/sample-export
#>
[CmdletBinding()]
param(
    [string] $Destination = (Join-Path $PSScriptRoot 'sample-export')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if (Test-Path $Destination) { Remove-Item -Recurse -Force $Destination }
New-Item -ItemType Directory -Path $Destination | Out-Null

# --- media files: tiny but real-looking bytes, deterministic ------------------------------------------------------
$png = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==')
function Write-Media([string] $RelativePath, [byte[]] $Bytes) {
    $full = Join-Path $Destination $RelativePath
    New-Item -ItemType Directory -Force -Path (Split-Path $full) | Out-Null
    [System.IO.File]::WriteAllBytes($full, $Bytes)
    return $Bytes.Length
}
function Text-Bytes([string] $Text) { [System.Text.Encoding]::UTF8.GetBytes($Text) }

$sizes = @{}
$sizes.photo1 = Write-Media 'photos/photo_1@01-03-2024_10-00-00.jpg' $png
$sizes.photo2 = Write-Media 'photos/photo_2@02-03-2024_11-30-00.jpg' ($png + [byte[]](1, 2, 3))
$sizes.doc = Write-Media 'files/report 2024 (final).pdf' (Text-Bytes "%PDF-1.4`n% synthetic sample document`n")
# Hostile-looking but legal names that really exist on disk: spaces, shell metacharacters, unicode, a device name.
$sizes.weird = Write-Media 'files/$(rm -rf ~); echo `pwned` & del.txt' (Text-Bytes "a file whose name is hostile`n")
$sizes.unicode = Write-Media 'files/ünïcødé 名前 ✓.txt' (Text-Bytes "unicode file name`n")
$sizes.device = Write-Media 'files/CON.txt' (Text-Bytes "reserved device name on Windows`n")
$sizes.sticker = Write-Media 'stickers/sticker.webp' (Text-Bytes "RIFF....WEBPVP8 synthetic sticker")
$sizes.stickerThumb = Write-Media 'stickers/sticker.webp_thumb.jpg' $png
$sizes.video = Write-Media 'video_files/clip.mp4' (Text-Bytes "....ftypisom synthetic video")
$sizes.videoThumb = Write-Media 'video_files/clip.mp4_thumb.jpg' $png
$sizes.voice = Write-Media 'voice_messages/audio_1@01-03-2024_12-00-00.ogg' (Text-Bytes "OggS synthetic voice")
$sizes.audio = Write-Media 'files/Sample Artist - Sample Song.mp3' (Text-Bytes "ID3 synthetic audio")
$sizes.gif = Write-Media 'video_files/animation.gif.mp4' (Text-Bytes "....ftypmp42 synthetic animation")
$sizes.round = Write-Media 'round_video_messages/file_0@01-03-2024_12-10-00.mp4' (Text-Bytes "....ftypisom synthetic round video")
$sizes.vcard = Write-Media 'contacts/contact_1.vcard' (Text-Bytes "BEGIN:VCARD`nVERSION:3.0`nFN:Carol Example`nEND:VCARD`n")
$sizes.groupPhoto = Write-Media 'photos/photo_3@05-03-2024_09-00-00.jpg' ($png + [byte[]](9, 9))

# --- messages -------------------------------------------------------------------------------------------------------
$script:clock = [DateTimeOffset]::new(2024, 3, 1, 9, 0, 0, [TimeSpan]::Zero)
function Next-Date { $script:clock = $script:clock.AddMinutes(7); $script:clock }
function New-Message([long] $Id, [string] $Type = 'message', [hashtable] $Fields = @{}, [switch] $NoText) {
    $date = Next-Date
    $m = [ordered]@{
        id            = $Id
        type          = $Type
        date          = $date.ToString('yyyy-MM-ddTHH:mm:ss', [cultureinfo]::InvariantCulture)
        date_unixtime = $date.ToUnixTimeSeconds().ToString([cultureinfo]::InvariantCulture)
    }
    foreach ($k in $Fields.Keys | Sort-Object) { $m[$k] = $Fields[$k] }
    if (-not $NoText -and -not $m.Contains('text')) { $m.text = ''; $m.text_entities = @() }
    return $m
}
function Plain([string] $Text) { @{ text = $Text; text_entities = @(if ($Text) { [ordered]@{ type = 'plain'; text = $Text } }) } }
function Merge([hashtable] $A, [hashtable] $B) { $r = @{}; foreach ($h in $A, $B) { foreach ($k in $h.Keys) { $r[$k] = $h[$k] } }; $r }

$channelFrom = @{ from = 'Spectra Sample Channel'; from_id = 'channel1234567890' }
$alice = @{ from = 'Alice Example'; from_id = 'user5550001' }
$bob = @{ from = 'Bob Sample'; from_id = 'user5550002' }

$formatted = @(
    'Formatting: ',
    [ordered]@{ type = 'bold'; text = 'bold' }, ' ',
    [ordered]@{ type = 'italic'; text = 'italic' }, ' ',
    [ordered]@{ type = 'underline'; text = 'underline' }, ' ',
    [ordered]@{ type = 'strikethrough'; text = 'strike' }, ' ',
    [ordered]@{ type = 'spoiler'; text = 'spoiler' }, ' ',
    [ordered]@{ type = 'code'; text = 'Get-SpectraMessage' }, ' ',
    [ordered]@{ type = 'pre'; text = 'Import-SpectraExport -Path ./export'; language = 'powershell' }, ' ',
    [ordered]@{ type = 'text_link'; text = 'the docs'; href = 'https://example.org/docs?a=1&b=<2>' }, ' ',
    [ordered]@{ type = 'link'; text = 'https://example.org' }, ' ',
    [ordered]@{ type = 'mention'; text = '@sample_user' }, ' ',
    [ordered]@{ type = 'mention_name'; text = 'Alice'; user_id = 5550001 }, ' ',
    [ordered]@{ type = 'hashtag'; text = '#archive' }, ' ',
    [ordered]@{ type = 'cashtag'; text = '$SPEC' }, ' ',
    [ordered]@{ type = 'bot_command'; text = '/start' }, ' ',
    [ordered]@{ type = 'email'; text = 'someone@example.org' }, ' ',
    [ordered]@{ type = 'phone'; text = '+10000000000' }, ' ',
    [ordered]@{ type = 'bank_card'; text = '4000000000000000' }, ' ',
    [ordered]@{ type = 'blockquote'; text = 'a quoted line' }, ' ',
    [ordered]@{ type = 'custom_emoji'; text = '🙂'; document_id = '5368324170671202286' }, ' <script>alert(1)</script> & done'
)
$formattedEntities = foreach ($p in $formatted) {
    if ($p -is [string]) { [ordered]@{ type = 'plain'; text = $p } } else { $p }
}

$channelMessages = @(
    New-Message 1 'service' @{ actor = 'Spectra Sample Channel'; actor_id = 'channel1234567890'; action = 'create_channel'; title = 'Spectra Sample Channel' }
    New-Message 2 'message' (Merge $channelFrom (Merge (Plain 'Welcome to the sample channel: a plain text message. Searchable word: aurora.') @{ author = 'Editor Eve' }))
    New-Message 3 'message' (Merge $channelFrom @{ text = $formatted; text_entities = @($formattedEntities) })
    New-Message 4 'message' (Merge $channelFrom (Merge (Plain 'This message was edited later (aurora borealis).') @{ edited = '2024-03-02T08:00:00'; edited_unixtime = '1709366400' }))
    New-Message 5 'message' (Merge $channelFrom (Merge (Plain 'A photo caption') @{ photo = 'photos/photo_1@01-03-2024_10-00-00.jpg'; photo_file_size = $sizes.photo1; width = 1; height = 1 }))
    New-Message 6 'message' (Merge $channelFrom (Merge (Plain 'The yearly report') @{ file = 'files/report 2024 (final).pdf'; file_name = 'report 2024 (final).pdf'; file_size = $sizes.doc; mime_type = 'application/pdf' }))
    New-Message 7 'message' (Merge $channelFrom @{ file = 'stickers/sticker.webp'; file_size = $sizes.sticker; thumbnail = 'stickers/sticker.webp_thumb.jpg'; thumbnail_file_size = $sizes.stickerThumb; media_type = 'sticker'; sticker_emoji = '👍'; mime_type = 'image/webp'; width = 512; height = 512 })
    New-Message 8 'message' (Merge $channelFrom (Merge (Plain 'A short clip') @{ file = 'video_files/clip.mp4'; file_name = 'clip.mp4'; file_size = $sizes.video; thumbnail = 'video_files/clip.mp4_thumb.jpg'; thumbnail_file_size = $sizes.videoThumb; media_type = 'video_file'; mime_type = 'video/mp4'; duration_seconds = 12; width = 640; height = 360 }))
    New-Message 9 'message' (Merge $channelFrom @{ file = 'voice_messages/audio_1@01-03-2024_12-00-00.ogg'; file_size = $sizes.voice; media_type = 'voice_message'; mime_type = 'audio/ogg'; duration_seconds = 4 })
    New-Message 10 'message' (Merge $channelFrom @{ file = 'files/Sample Artist - Sample Song.mp3'; file_name = 'Sample Artist - Sample Song.mp3'; file_size = $sizes.audio; media_type = 'audio_file'; performer = 'Sample Artist'; title = 'Sample Song'; mime_type = 'audio/mpeg'; duration_seconds = 180 })
    New-Message 11 'message' (Merge $channelFrom @{ file = 'video_files/animation.gif.mp4'; file_name = 'animation.gif.mp4'; file_size = $sizes.gif; media_type = 'animation'; mime_type = 'video/mp4'; width = 320; height = 240; duration_seconds = 2 })
    New-Message 12 'message' (Merge $channelFrom @{ file = 'round_video_messages/file_0@01-03-2024_12-10-00.mp4'; file_size = $sizes.round; media_type = 'video_message'; mime_type = 'video/mp4'; duration_seconds = 9; width = 240; height = 240 })
    New-Message 13 'message' (Merge $channelFrom @{ poll = [ordered]@{ question = 'Which storage engine?'; closed = $false; total_voters = 7; answers = @([ordered]@{ text = 'SQLite'; voters = 6; chosen = $true }, [ordered]@{ text = 'Flat files'; voters = 1; chosen = $false }) } })
    New-Message 14 'message' (Merge $channelFrom @{ contact_information = [ordered]@{ first_name = 'Carol'; last_name = 'Example'; phone_number = '+10000000001' }; contact_vcard = 'contacts/contact_1.vcard'; contact_vcard_file_size = $sizes.vcard })
    New-Message 15 'message' (Merge $channelFrom @{ location_information = [ordered]@{ latitude = 48.8584; longitude = 2.2945 } })
    New-Message 16 'message' (Merge $channelFrom @{ location_information = [ordered]@{ latitude = 51.5007; longitude = -0.1246 }; live_location_period_seconds = 900 })
    New-Message 17 'message' (Merge $channelFrom @{ place_name = 'Sample Library'; address = '1 Example Street'; location_information = [ordered]@{ latitude = 40.7536; longitude = -73.9832 } })
    New-Message 18 'message' (Merge $channelFrom (Merge (Plain 'A reply to the welcome post') @{ reply_to_message_id = 2 }))
    New-Message 19 'message' (Merge $channelFrom (Merge (Plain 'Forwarded news from elsewhere') @{ forwarded_from = 'Other Channel' }))
    New-Message 20 'message' (Merge $channelFrom (Merge (Plain 'Result from an inline bot') @{ via_bot = '@sample_bot'; inline_bot_buttons = @(, @([ordered]@{ type = 'url'; text = 'Open'; data = 'https://example.org/open' }, [ordered]@{ type = 'callback'; text = 'Vote'; data = 'dm90ZQ==' })) }))
    New-Message 21 'message' (Merge $channelFrom (Merge (Plain 'Popular post') @{ reactions = @([ordered]@{ type = 'emoji'; count = 5; emoji = '❤' }, [ordered]@{ type = 'custom_emoji'; count = 2; document_id = '5368324170671202286' }, [ordered]@{ type = 'paid'; count = 1 }) }))
    New-Message 22 'message' (Merge $channelFrom @{ game_title = 'Sample Game'; game_description = 'A game to play'; game_link = 'https://example.org/game' })
    New-Message 23 'message' (Merge $channelFrom @{ invoice_information = [ordered]@{ title = 'Sample Invoice'; description = 'One archive subscription'; amount = 500; currency = 'EUR'; receipt_message_id = 0 } })
    New-Message 24 'message' (Merge $channelFrom @{ photo = '(File not included. Change data exporting settings to download.)'; self_destruct_period_seconds = 10 })
    New-Message 25 'message' (Merge $channelFrom (Merge (Plain 'A file that was not downloaded') @{ file = '(File not included. Change data exporting settings to download.)'; file_name = 'big.iso'; file_size = 4294967296; mime_type = 'application/octet-stream' }))
    New-Message 26 'message' (Merge $channelFrom @{ file = '(File exceeds maximum size. Change data exporting settings to download.)'; media_type = 'video_file'; mime_type = 'video/mp4'; duration_seconds = 3600 })
    New-Message 27 'message' (Merge $channelFrom (Merge (Plain 'A hostile relative path') @{ file = '../../etc/passwd'; file_name = 'passwd' }))
    New-Message 28 'message' (Merge $channelFrom (Merge (Plain 'A hostile absolute path') @{ photo = '/etc/passwd' }))
    New-Message 29 'message' (Merge $channelFrom (Merge (Plain 'Hostile but legal names on disk') @{ file = 'files/$(rm -rf ~); echo `pwned` & del.txt'; file_name = "../../x`u{1}CON" + ('a' * 1000); file_size = $sizes.weird; mime_type = 'text/plain' }))
    New-Message 30 'message' (Merge $channelFrom @{ file = 'files/ünïcødé 名前 ✓.txt'; file_name = 'ünïcødé 名前 ✓.txt'; file_size = $sizes.unicode; mime_type = 'text/plain' })
    New-Message 31 'message' (Merge $channelFrom @{ file = 'files/CON.txt'; file_name = 'CON'; file_size = $sizes.device; mime_type = 'text/plain' })
    New-Message 32 'service' @{ actor = 'Spectra Sample Channel'; actor_id = 'channel1234567890'; action = 'pin_message'; message_id = 21 }
    New-Message 33 'message' (Merge $channelFrom (Merge (Plain 'Saved from another chat') @{ saved_from = 'Bob Sample' }))
    New-Message 34 'message' (Merge $channelFrom (Merge (Plain 'The same picture again: stored once') @{ photo = 'photos/photo_1@01-03-2024_10-00-00.jpg'; photo_file_size = $sizes.photo1; width = 1; height = 1 }))
)

$groupMessages = @(
    New-Message 1 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'migrate_from_group'; title = 'Sample Group' }
    New-Message 2 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'invite_members'; members = @('Bob Sample', 'Carol Example') }
    New-Message 3 'service' @{ actor = 'Dave Joiner'; actor_id = 'user5550004'; action = 'join_group_by_link'; inviter = 'Alice Example' }
    New-Message 4 'message' (Merge $alice (Plain 'Hello group, the aurora was visible tonight'))
    New-Message 5 'message' (Merge $bob (Merge (Plain 'Nice! Here is mine') @{ reply_to_message_id = 4; photo = 'photos/photo_2@02-03-2024_11-30-00.jpg'; photo_file_size = $sizes.photo2; width = 1; height = 1 }))
    New-Message 6 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'edit_group_title'; title = 'Sample Group (renamed)' }
    New-Message 7 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'edit_group_photo'; photo = 'photos/photo_3@05-03-2024_09-00-00.jpg'; photo_file_size = $sizes.groupPhoto; width = 1; height = 1 }
    New-Message 8 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'topic_created'; title = 'Announcements' }
    New-Message 9 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'group_call'; duration_seconds = 300 }
    New-Message 10 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'set_messages_ttl'; period = 86400 }
    New-Message 11 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'remove_members'; members = @('Dave Joiner') }
    New-Message 12 'unsupported' @{} -NoText
    New-Message 13 'message' (Merge @{ from = $null; from_id = 'user5550009' } (Plain 'A message from a deleted account'))
    New-Message 14 'message' (Merge $bob (Merge (Plain 'Reply into another chat') @{ reply_to_message_id = 2; reply_to_peer_id = 1234567890 }))
)

$personalMessages = @(
    New-Message 1 'message' (Merge $alice (Plain 'Hi Bob, private hello'))
    New-Message 2 'service' @{ actor = 'Alice Example'; actor_id = 'user5550001'; action = 'phone_call'; duration_seconds = 65; discard_reason = 'hangup' }
    New-Message 3 'message' (Merge $bob (Plain 'Thanks for the call'))
)

$leftMessages = @(
    New-Message 1 'service' @{ actor = 'Bob Sample'; actor_id = 'user5550002'; action = 'create_group'; title = 'Old Group'; members = @('Alice Example') }
    New-Message 2 'message' (Merge $bob (Plain 'Last words before I left'))
    New-Message 3 'service' @{ actor = 'Bob Sample'; actor_id = 'user5550002'; action = 'clear_history' }
)

$export = [ordered]@{
    about                = 'Here is the data you requested. Remember: Telegram is ad free, it doesn''t use your data for ad targeting and doesn''t sell it to others. Telegram only keeps the data it needs to work as a secure and feature-rich cloud service.'
    personal_information = [ordered]@{ user_id = 5550002; first_name = 'Bob'; last_name = 'Sample'; phone_number = '+10000000002'; username = '@bob_sample'; bio = 'synthetic' }
    contacts             = [ordered]@{ about = 'contacts'; list = @([ordered]@{ user_id = 5550001; first_name = 'Alice'; last_name = 'Example'; phone_number = '+10000000003'; date = '2024-01-01T00:00:00'; date_unixtime = '1704067200' }) }
    chats                = [ordered]@{
        about = 'This page lists all chats from this export.'
        list  = @(
            [ordered]@{ name = 'Spectra Sample Channel'; type = 'public_channel'; id = 1234567890; messages = @($channelMessages) }
            [ordered]@{ name = 'Sample Group'; type = 'private_supergroup'; id = 2233445566; messages = @($groupMessages) }
            [ordered]@{ name = 'Alice Example'; type = 'personal_chat'; id = 5550001; messages = @($personalMessages) }
        )
    }
    left_chats           = [ordered]@{
        about = 'This page lists all supergroups and channels from this export that you left.'
        list  = @([ordered]@{ name = 'Old Group'; type = 'private_group'; id = 777000; messages = @($leftMessages) })
    }
}

$json = $export | ConvertTo-Json -Depth 20
[System.IO.File]::WriteAllText((Join-Path $Destination 'result.json'), $json + "`n", [System.Text.UTF8Encoding]::new($false))
Write-Verbose "Wrote $Destination"
