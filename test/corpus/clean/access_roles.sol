// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract AccessRoles {
    bytes32 public constant ADMIN = keccak256("ADMIN");
    bytes32 public constant MINTER = keccak256("MINTER");
    mapping(bytes32 => mapping(address => bool)) private _roles;
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;
    event RoleGranted(bytes32 indexed role, address indexed account);
    error MissingRole(bytes32 role, address account);

    constructor() { _roles[ADMIN][msg.sender] = true; }

    modifier onlyRole(bytes32 role) {
        if (!_roles[role][msg.sender]) revert MissingRole(role, msg.sender);
        _;
    }

    function hasRole(bytes32 role, address account) external view returns (bool) { return _roles[role][account]; }

    function grant(bytes32 role, address account) external onlyRole(ADMIN) {
        _roles[role][account] = true;
        emit RoleGranted(role, account);
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER) {
        totalSupply += amount;
        balanceOf[to] += amount;
    }
}
