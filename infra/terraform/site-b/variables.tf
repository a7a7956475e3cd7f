variable "region" {
  description = "AWS region of site B (and of the off-site backup bucket)."
  type        = string
  default     = "eu-west-3"
  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name, e.g. eu-west-3."
  }
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "pra-site-b"
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,30}$", var.name))
    error_message = "name must be 3 to 31 lowercase letters, digits and dashes."
  }
}

variable "vpc_cidr" {
  description = "CIDR of site B's VPC (deploy/ NetworkPolicies allow 10.20.0.0/16)."
  type        = string
  default     = "10.20.0.0/16"
  validation {
    condition     = can(cidrnetmask(var.vpc_cidr))
    error_message = "vpc_cidr must be an IPv4 CIDR block."
  }
}

variable "availability_zones" {
  description = "Exactly two availability zones: one failure domain per observer and Kafka broker spread."
  type        = list(string)
  default     = ["eu-west-3a", "eu-west-3b"]
  validation {
    condition     = length(var.availability_zones) == 2
    error_message = "availability_zones must list exactly two zones."
  }
}

variable "admin_cidrs" {
  description = "Networks allowed to reach SSH and the Kubernetes API (the operators' VPN)."
  type        = list(string)
  validation {
    condition     = length(var.admin_cidrs) > 0 && alltrue([for c in var.admin_cidrs : can(cidrnetmask(c)) && c != "0.0.0.0/0"])
    error_message = "admin_cidrs must be IPv4 CIDR blocks, and never 0.0.0.0/0."
  }
}

variable "ami_id" {
  description = "AMI of the nodes (Debian 12 or Ubuntu 22.04/24.04, as the Ansible roles expect)."
  type        = string
  validation {
    condition     = can(regex("^ami-[0-9a-f]{8,17}$", var.ami_id))
    error_message = "ami_id must look like ami-0123456789abcdef0."
  }
}

variable "ssh_key_name" {
  description = "Name of an existing EC2 key pair for the Ansible user."
  type        = string
}

variable "control_plane_count" {
  description = "Control-plane nodes (stacked etcd): an odd number, 3 or 5."
  type        = number
  default     = 3
  validation {
    condition     = contains([3, 5], var.control_plane_count)
    error_message = "control_plane_count must be 3 or 5 (an etcd quorum that survives one zone)."
  }
}

variable "control_plane_instance_type" {
  description = "Instance type of the control-plane nodes."
  type        = string
  default     = "m6i.large"
}

variable "worker_count" {
  description = "Worker nodes, spread over the two zones: Kafka needs 3, PRA's services 2 per zone."
  type        = number
  default     = 4
  validation {
    condition     = var.worker_count >= 3 && var.worker_count <= 50
    error_message = "worker_count must be between 3 and 50."
  }
}

variable "worker_instance_type" {
  description = "Instance type of the worker nodes (restored workloads run here after a failover)."
  type        = string
  default     = "m6i.xlarge"
}

variable "root_volume_gb" {
  description = "Size of each node's encrypted root volume."
  type        = number
  default     = 50
  validation {
    condition     = var.root_volume_gb >= 30
    error_message = "root_volume_gb must be at least 30."
  }
}

variable "dns_zone_id" {
  description = "Route 53 hosted zone of the record PRA's cutover switches (ExternalDNS DNSEndpoint pra-traffic); site B's ExternalDNS may change this zone only."
  type        = string
  validation {
    condition     = can(regex("^Z[A-Z0-9]{1,31}$", var.dns_zone_id))
    error_message = "dns_zone_id must be a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ."
  }
}

variable "backup_bucket_name" {
  description = "Name of the off-site Velero bucket (globally unique)."
  type        = string
  default     = "pra-offsite-backups"
  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.backup_bucket_name))
    error_message = "backup_bucket_name must be a valid S3 bucket name."
  }
}

variable "object_lock_days" {
  description = "Days each backup object stays immutable (ransomware protection); at least the backups' TTL would be ideal, 7 days covers detection."
  type        = number
  default     = 7
  validation {
    condition     = var.object_lock_days >= 1 && var.object_lock_days <= 365
    error_message = "object_lock_days must be between 1 and 365."
  }
}

variable "object_lock_mode" {
  description = "GOVERNANCE (a privileged role may lift it) or COMPLIANCE (nobody may, not even root)."
  type        = string
  default     = "GOVERNANCE"
  validation {
    condition     = contains(["GOVERNANCE", "COMPLIANCE"], var.object_lock_mode)
    error_message = "object_lock_mode must be GOVERNANCE or COMPLIANCE."
  }
}

variable "backup_expiry_days" {
  description = "Days after which the lifecycle rule expires backup objects (Velero TTL is 30 days)."
  type        = number
  default     = 35
}

variable "noncurrent_expiry_days" {
  description = "Days a replaced or deleted object version is kept before it is removed."
  type        = number
  default     = 30
}
