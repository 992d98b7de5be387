pragma solidity 0.4.24;

contract LegacyToken {
    mapping(address => uint256) public balanceOf;

    function transfer(address to, uint256 value) public returns (bool) { // @vulnerable: short_addresses
        balanceOf[msg.sender] -= value; // @vulnerable: arithmetic
        balanceOf[to] += value; // @vulnerable: arithmetic
        return true;
    }
}
